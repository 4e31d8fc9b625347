using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workers.Domain;
using Workers.ExternalEc.Ochanoko;
using Workers.TaskManager;

namespace Workers.ExternalEc.UpdateProducts;

// What ochanokoUpdateStock and ochanokoUpdatePrice share: the store, one PUT per chunk (ProductPush), the deadline
// the HTTP retries must end by, and the log line. They differ only in which value they push.
internal static class ProductPushes
{
    // Kept free at the end of the task's timeout for the last chunk's commit after its last HTTP wait.
    private static readonly TimeSpan CommitMargin = TimeSpan.FromSeconds(5);

    public static async Task PushAsync(
        TaskContext<OchanokoUpdateBody> task, PosDbContext db, OchanokoClient client, TimeProvider time, bool stock, ILogger logger, CancellationToken cancellationToken)
    {
        var store = task.Body.StoreCode;
        var storeId = await db.Stores.Where(s => s.Code == store).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new PermanentTaskException($"unknown store '{store}'");
        var deadline = time.GetUtcNow() + task.Settings.Timeout - CommitMargin;
        var push = new ProductPush(db, client, store, storeId, stock, deadline);
        var result = await task.ProcessItemsAsync(task.Body.Items, push.SendAsync, cancellationToken);
        Log.ProductsPushed(logger, stock ? "stock" : "price", store, result.Items, result.ItemsRejected, result.ChunksSkipped);
    }
}
