using System.ComponentModel.DataAnnotations;
using Workers.Domain;

namespace Workers.Scheduled;

// {} (every store: what the fleet scheduler sends) or {"storeCode":"S001"} (one store: an operator's manual run
// with `workers enqueue`): the body of all three task types.
internal sealed record ScheduledBody(
    [property: StringLength(PosDbContext.CodeLength, MinimumLength = 1)] string? StoreCode = null);
