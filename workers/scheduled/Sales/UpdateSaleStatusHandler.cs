using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workers.Domain;
using Workers.Domain.Promotions;
using Workers.Scheduled.Time;
using Workers.TaskManager;

namespace Workers.Scheduled.Sales;

// updateSaleStatus: opens and closes sales by their window, repeat rule and limit, and starts each repeat of a
// repeating sale with its sold count at 0. Every sale not finished is looked at, in chunks of the task type's
// size (one transaction each); a sale whose rule does not parse is rejected, the others still move.
internal sealed class UpdateSaleStatusHandler(PosDbContext db, ShopClock clock, ILogger<UpdateSaleStatusHandler> logger)
    : ITaskHandler<ScheduledBody>
{
    public async Task HandleAsync(TaskContext<ScheduledBody> task, CancellationToken cancellationToken)
    {
        var storeId = await RunScope.StoreIdAsync(db, task, cancellationToken);
        var ids = await db.Sales
            .Where(s => s.Status != SaleStatus.Finished && (storeId == null || s.StoreId == storeId))
            .OrderBy(s => s.Id)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);

        var now = clock.Now();
        var chunk = new SaleChunk(db, clock.Zone, now);
        var result = await task.ProcessItemsAsync(ids, chunk.ApplyAsync, cancellationToken, RunScope.ListName("sales", ids));
        Log.SalesUpdated(logger, now, result.Items, chunk.Changed, result.ItemsRejected, result.ChunksSkipped);
    }
}
