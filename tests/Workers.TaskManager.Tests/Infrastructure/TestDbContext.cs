using Microsoft.EntityFrameworkCore;

namespace Workers.TaskManager.Tests.Infrastructure;

// A worker's own DbContext, standing in for a domain worker's: chunk processors write test.applied_items
// through it, inside the chunk's transaction.
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public const string Schema = "test";
}
