using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workers.Domain;
using Workers.Domain.Promotions;
using Workers.Scheduled.Publication;
using Workers.Scheduled.Time;
using Workers.TaskManager;

namespace Workers.Scheduled.SetDeals;

// updateSetDealStatus: publishes set deals from their first day and withdraws them after their last (the shops'
// local dates), in chunks of the task type's size, one transaction each.
internal sealed class UpdateSetDealStatusHandler(PosDbContext db, ShopClock clock, ILogger<UpdateSetDealStatusHandler> logger)
    : ITaskHandler<ScheduledBody>
{
    public async Task HandleAsync(TaskContext<ScheduledBody> task, CancellationToken cancellationToken)
    {
        var storeId = await RunScope.StoreIdAsync(db, task, cancellationToken);
        var ids = await db.SetDeals
            .Where(d => d.Status != PublicationStatus.Withdrawn && (storeId == null || d.StoreId == storeId))
            .OrderBy(d => d.Id)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);

        var today = clock.Today(clock.Now());
        long changed = 0;
        var result = await task.ProcessItemsAsync(
            ids,
            async (chunk, ct) =>
            {
                int[] chunkIds = [.. chunk.Items];
                var deals = await db.SetDeals
                    .FromSql($"SELECT * FROM pos.set_deals WHERE id = ANY({chunkIds}) ORDER BY id FOR UPDATE")
                    .AsNoTracking()
                    .ToListAsync(ct);
                var changes = deals
                    .Select(d => (d.Id, Seen: d.Status, Next: PublicationRules.Next(d.Status, d.StartsOn, d.ExpiresOn, today)))
                    .Where(c => c.Next != c.Seen)
                    .ToList();
                changed += await PublicationRules.UpdateAsync(db, "set_deals", changes, ct);
            },
            cancellationToken,
            RunScope.ListName("set-deals", ids));
        Log.SetDealsUpdated(logger, today, result.Items, changed, result.ChunksSkipped);
    }
}
