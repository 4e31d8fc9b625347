using Microsoft.EntityFrameworkCore;

namespace Workers.OutboxTestWorker;

// The worker's own DbContext: the handler writes nothing but the outbox row, which commits with the step's ledger row.
internal sealed class EmptyDbContext(DbContextOptions<EmptyDbContext> options) : DbContext(options);
