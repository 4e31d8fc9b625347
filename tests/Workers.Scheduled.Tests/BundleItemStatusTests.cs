using Microsoft.EntityFrameworkCore;
using Workers.Domain.Ledger;
using Workers.Domain.Promotions;
using Workers.Scheduled.Tests.Infrastructure;
using Workers.TaskManager.Persistence;

namespace Workers.Scheduled.Tests;

public sealed class BundleItemStatusTests : ScheduledWorkerTest
{
    [Fact]
    public async Task A_bundle_is_assembled_once_through_the_ledger_and_a_redelivery_changes_nothing()
    {
        await SetLevelsAsync("S001", ("A", 10), ("B", 3));
        await AddBundleAsync("BUNDLE", 2, PublicationStatus.Draft, TokyoToday, null, ("A", 2), ("B", 1));
        StartWorker();

        var taskId = Guid.NewGuid().ToString("N");
        var done = await RunAsync("updateBundleItemStatus", taskId: taskId);

        Assert.Equal((TaskState.Succeeded, 0L), (done.Task.State, done.Task.ItemsRejected));
        Assert.Equal([PublicationStatus.Published], await StatusesAsync());
        var levels = new Dictionary<string, int> { ["A"] = 6, ["B"] = 1, ["BUNDLE"] = 2 };
        Assert.Equal(levels, await LevelsAsync("S001"));
        var movements = await MovementsAsync();
        Assert.Equal([("A", -4, 6), ("B", -2, 1), ("BUNDLE", 2, 2)], movements.Select(m => (m.Sku, m.Delta, m.After)));
        Assert.All(movements, m => Assert.Equal((taskId, "updateBundleItemStatus", StockReasons.Bundle), (m.TaskId, m.TaskType, m.Reason)));

        // The same task delivered again (a lost delete), then the next occurrence: FIFO order in the group means
        // the redelivery was handled when the second run finishes. Nothing is assembled twice.
        await RedeliverAsync("updateBundleItemStatus", new ScheduledBody(), taskId);
        await RunAsync("updateBundleItemStatus");
        Assert.Equal(levels, await LevelsAsync("S001"));
        Assert.Equal(movements, await MovementsAsync());
        Assert.Equal([PublicationStatus.Published], await StatusesAsync());
    }

    [Fact]
    public async Task A_bundle_short_of_a_component_is_rejected_stays_a_draft_and_is_assembled_by_a_later_run()
    {
        await SetLevelsAsync("S001", ("A", 5), ("B", 10));
        await AddBundleAsync("BUNDLE", 3, PublicationStatus.Draft, TokyoToday.AddDays(-1), null, ("A", 2), ("B", 1));
        StartWorker();

        var done = await RunAsync("updateBundleItemStatus");

        Assert.Equal(TaskState.Succeeded, done.Task.State);
        var rejection = Assert.Single(done.Rejections);
        Assert.Equal("BUNDLE", rejection.ItemKey);
        Assert.Contains("cannot be assembled: A would take the stock from 5 to -1", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal([PublicationStatus.Draft], await StatusesAsync());
        Assert.Equal(new Dictionary<string, int> { ["A"] = 5, ["B"] = 10 }, await LevelsAsync("S001"));
        Assert.Empty(await MovementsAsync());

        // Stock arrives; the next occurrence assembles it.
        var a = Products["A"];
        await using (var db = PosDb())
        {
            await db.StockLevels.Where(l => l.ProductId == a).ExecuteUpdateAsync(l => l.SetProperty(x => x.Quantity, 6), Cancellation);
        }

        await RunAsync("updateBundleItemStatus");
        Assert.Equal([PublicationStatus.Published], await StatusesAsync());
        Assert.Equal(new Dictionary<string, int> { ["A"] = 0, ["B"] = 7, ["BUNDLE"] = 3 }, await LevelsAsync("S001"));
    }

    [Fact]
    public async Task An_expired_bundle_is_dismantled_back_into_components_and_an_expired_draft_just_withdrawn()
    {
        // Three were assembled, one sold: two go back. The draft never took stock.
        await SetLevelsAsync("S001", ("BUNDLE", 2), ("A", 1));
        var yesterday = TokyoToday.AddDays(-1);
        await AddBundleAsync("BUNDLE", 3, PublicationStatus.Published, yesterday.AddDays(-7), yesterday, ("A", 2), ("B", 1));
        await AddBundleAsync("BUNDLE2", 1, PublicationStatus.Draft, yesterday.AddDays(-7), yesterday, ("A", 1));
        StartWorker();

        var done = await RunAsync("updateBundleItemStatus");

        Assert.Equal((TaskState.Succeeded, 0L), (done.Task.State, done.Task.ItemsRejected));
        Assert.Equal([PublicationStatus.Withdrawn, PublicationStatus.Withdrawn], await StatusesAsync());
        Assert.Equal(new Dictionary<string, int> { ["A"] = 5, ["B"] = 2, ["BUNDLE"] = 0 }, await LevelsAsync("S001"));
        Assert.Equal([("A", 4, 5), ("B", 2, 2), ("BUNDLE", -2, 0)], (await MovementsAsync()).Select(m => (m.Sku, m.Delta, m.After)));
    }

    private async Task AddBundleAsync(string sku, int quantity, PublicationStatus status, DateOnly startsOn, DateOnly? expiresOn, params (string Sku, int Quantity)[] components)
    {
        await using var db = PosDb();
        var bundle = new BundleItem { StoreId = Stores["S001"], ProductId = Products[sku], Quantity = quantity, Status = status, StartsOn = startsOn, ExpiresOn = expiresOn };
        db.BundleItems.Add(bundle);
        await db.SaveChangesAsync(Cancellation);
        db.BundleComponents.AddRange(components.Select(c => new BundleComponent { BundleItemId = bundle.Id, ProductId = Products[c.Sku], Quantity = c.Quantity }));
        await db.SaveChangesAsync(Cancellation);
    }

    private async Task<PublicationStatus[]> StatusesAsync()
    {
        await using var db = PosDb();
        return await db.BundleItems.AsNoTracking().OrderBy(b => b.Id).Select(b => b.Status).ToArrayAsync(Cancellation);
    }

    private async Task<List<(string Sku, int Delta, int After, string TaskId, string TaskType, string Reason)>> MovementsAsync()
    {
        await using var db = PosDb();
        var skus = Products.ToDictionary(p => p.Value, p => p.Key);
        var rows = await db.StockMovements.AsNoTracking().OrderBy(m => m.Id).ToListAsync(Cancellation);
        return [.. rows.Select(m => (skus[m.ProductId], m.Delta, m.QuantityAfter, m.TaskId, m.TaskType, m.Reason)).OrderBy(m => m.Item1)];
    }
}
