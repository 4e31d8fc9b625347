using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workers.Domain;
using Workers.Domain.Ledger;
using Workers.Domain.Promotions;
using Workers.Scheduled.Time;
using Workers.TaskManager;

namespace Workers.Scheduled.Bundles;

// updateBundleItemStatus: assembles bundles whose first day has come (components out, bundles in, through the
// stock ledger) and dismantles expired ones, in chunks of the task type's size, one transaction each. A bundle
// whose stock falls short is rejected with the ledger's reason and stays as it was until the next run.
internal sealed class UpdateBundleItemStatusHandler(PosDbContext db, StockLedger ledger, ShopClock clock, ILogger<UpdateBundleItemStatusHandler> logger)
    : ITaskHandler<ScheduledBody>
{
    public async Task HandleAsync(TaskContext<ScheduledBody> task, CancellationToken cancellationToken)
    {
        var storeId = await RunScope.StoreIdAsync(db, task, cancellationToken);
        var ids = await db.BundleItems
            .Where(b => b.Status != PublicationStatus.Withdrawn && (storeId == null || b.StoreId == storeId))
            .OrderBy(b => b.Id)
            .Select(b => b.Id)
            .ToListAsync(cancellationToken);

        var today = clock.Today(clock.Now());
        var chunk = new BundleChunk(db, ledger, StockCause.From(task.Info), today);
        var result = await task.ProcessItemsAsync(ids, chunk.ApplyAsync, cancellationToken, RunScope.ListName("bundles", ids));
        Log.BundlesUpdated(logger, today, result.Items, chunk.Changed, result.ItemsRejected, result.ChunksSkipped);
    }
}
