using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workers.Domain;
using Workers.ExternalEc.Ochanoko;
using Workers.TaskManager;

namespace Workers.ExternalEc.UpdateProducts;

// ochanokoUpdatePrice: pushes the absolute price of the named products to the store's Ochanoko shop, one PUT per
// chunk (800, under the API's 1,000 per call), with the fleet's per-type cooldown between chunks for the API's
// rate limit. A chunk commits with its ledger row after Ochanoko accepted it, so a retry resumes after it.
internal sealed class OchanokoUpdatePriceHandler(PosDbContext db, OchanokoClient client, TimeProvider time, ILogger<OchanokoUpdatePriceHandler> logger)
    : ITaskHandler<OchanokoUpdateBody>
{
    public async Task HandleAsync(TaskContext<OchanokoUpdateBody> task, CancellationToken cancellationToken)
    {
        var storeId = await db.Stores.Where(s => s.Code == task.Body.StoreCode).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new PermanentTaskException($"unknown store '{task.Body.StoreCode}'");
        var push = new ProductPush(db, client, task.Body.StoreCode, storeId, stock: false, ProductPushes.Deadline(task, time));
        var result = await task.ProcessItemsAsync(task.Body.Items, push.SendAsync, cancellationToken);
        Log.ProductsPushed(logger, "price", task.Body.StoreCode, result.Items, result.ItemsRejected, result.ChunksSkipped);
    }
}
