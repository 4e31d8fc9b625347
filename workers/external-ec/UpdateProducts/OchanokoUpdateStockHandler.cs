using Microsoft.Extensions.Logging;
using Workers.Domain;
using Workers.ExternalEc.Ochanoko;
using Workers.TaskManager;

namespace Workers.ExternalEc.UpdateProducts;

// ochanokoUpdateStock: pushes the absolute stock of the named products to the store's Ochanoko shop, one PUT per
// chunk (800, under the API's 1,000 per call), with the fleet's per-type cooldown between chunks for the API's
// rate limit. A chunk commits with its ledger row after Ochanoko accepted it, so a retry resumes after it.
internal sealed class OchanokoUpdateStockHandler(PosDbContext db, OchanokoClient client, TimeProvider time, ILogger<OchanokoUpdateStockHandler> logger)
    : ITaskHandler<OchanokoUpdateBody>
{
    public Task HandleAsync(TaskContext<OchanokoUpdateBody> task, CancellationToken cancellationToken) =>
        ProductPushes.PushAsync(task, db, client, time, stock: true, logger, cancellationToken);
}
