using Microsoft.EntityFrameworkCore;
using Workers.Item.CreateItem;
using Workers.Item.Tests.Infrastructure;
using Workers.Item.UpdateItem;
using Workers.Item.UpdateMycaItem;
using Workers.TaskManager.Persistence;

namespace Workers.Item.Tests;

public sealed class CrashRecoveryTests : ItemWorkerTest
{
    private const int VisibilityTimeoutSeconds = 5;
    private const int Items = 1000;
    private const int Chunks = 10;

    protected override int QueueVisibilityTimeoutSeconds => VisibilityTimeoutSeconds;

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_each_task_type_is_resumed_applying_every_chunk_once_and_enqueuing_every_initial_stock_once()
    {
        await using (var db = PosDb())
        {
            await Seed.CatalogueAsync(db, Cancellation);
        }

        var body = new CreateItemBody([.. Enumerable.Range(1, Items).Select(i => new NewItem($"BOX-{i:D4}", $"Box {i}", "BOX", 1000, 500, MycaItemId: i, InitialStock: [new("S001", 1)]))]);
        var first = StartItemWorker(Settings);
        var taskId = await PublishAsync("createItem", body);
        await WaitForTaskAsync(taskId, p => p.Task.ChunksDone >= 3);
        first.Kill();
        await first.WaitForExitAsync(Patience);
        var atCrash = (await ReadProgressAsync(taskId))!;
        Assert.InRange(atCrash.Task.ChunksDone, 3, Chunks - 1);

        var second = StartItemWorker(Settings);
        var done = await WaitUntilFinishedAsync(taskId);

        Assert.Equal((TaskState.Succeeded, (long)Items, 0L), (done.Task.State, done.Task.ItemsDone, done.Task.ItemsRejected));
        var ledger = await LedgerAsync(taskId);
        Assert.Equal(Chunks, ledger.Count);
        Assert.Contains(ledger, s => s.Attempt >= 2);
        await using (var db = PosDb())
        {
            Assert.Equal(Items, await db.Items.CountAsync(Cancellation));
            Assert.Equal(Items, await db.Products.CountAsync(p => p.Condition == "new", Cancellation));
        }

        // One follow-up per chunk, written with it, published once: every new product's stock exactly once.
        var outbox = await OutboxAsync();
        Assert.Equal(Enumerable.Range(0, Chunks).Select(i => $"{taskId}:stock:{i}:S001").Order(StringComparer.Ordinal), outbox.Select(o => o.TaskId).Order(StringComparer.Ordinal));
        var followUps = await ReceiveFollowUpsAsync(Chunks);
        Assert.Equal(Chunks, followUps.Select(f => f.TaskId).Distinct().Count());
        var deltas = followUps.SelectMany(f => f.Body.GetProperty("items").EnumerateArray()).Select(d => (d.GetProperty("sku").GetString()!, d.GetProperty("delta").GetInt32())).ToList();
        Assert.Equal(Enumerable.Range(1, Items).Select(i => ($"BOX-{i:D4}-new", 1)), deltas.Order());

        // The other two task types, killed together in the middle (one group each, so they run side by side).
        var update = await PublishAsync("updateItem", new UpdateItemBody([.. Enumerable.Range(1, Items).Select(i => new ItemUpdate($"BOX-{i:D4}", SellPrice: 2000 + i))]), group: "update");
        var prices = await PublishAsync("updateMycaItem", new UpdateMycaItemBody([.. Enumerable.Range(1, Items).Select(i => new MycaPrice(i, 3000 + i, PricedAt))]), group: "myca");
        await WaitForTaskAsync(update, p => p.Task.ChunksDone >= 3);
        await WaitForTaskAsync(prices, p => p.Task.ChunksDone >= 3);
        second.Kill();
        await second.WaitForExitAsync(Patience);
        var unfinished = new List<string>();
        foreach (var id in new[] { update, prices })
        {
            if (!(await ReadProgressAsync(id))!.IsFinished)
            {
                unfinished.Add(id);
            }
        }

        Assert.Contains(update, unfinished);
        StartItemWorker(Settings);
        foreach (var id in new[] { update, prices })
        {
            var finished = await WaitUntilFinishedAsync(id);
            Assert.Equal((TaskState.Succeeded, (long)Items, 0L), (finished.Task.State, finished.Task.ItemsDone, finished.Task.ItemsRejected));
            var steps = await LedgerAsync(id);
            Assert.Equal(Chunks, steps.Count);
            Assert.Equal(unfinished.Contains(id), steps.Any(s => s.Attempt >= 2));
        }

        await using (var db = PosDb())
        {
            var items = await db.Items.AsNoTracking().OrderBy(i => i.Code).Select(i => new { i.SellPrice, i.MycaPrice, i.MycaPriceAt }).ToListAsync(Cancellation);
            Assert.Equal(Enumerable.Range(1, Items).Select(i => (2000 + i, (int?)(3000 + i), (DateTimeOffset?)PricedAt)), items.Select(i => (i.SellPrice, i.MycaPrice, i.MycaPriceAt)));
        }
    }

    private static readonly DateTimeOffset PricedAt = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    // Chunks slow enough that the kill lands between two of them; the crashed worker's message comes back
    // within seconds (the queue's visibility timeout is as short).
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["TaskManager__TaskTypes__createItem__ChunkCooldownMilliseconds"] = "500",
        ["TaskManager__TaskTypes__updateItem__ChunkCooldownMilliseconds"] = "500",
        ["TaskManager__TaskTypes__updateMycaItem__ChunkCooldownMilliseconds"] = "500",
        ["TaskManager__VisibilityTimeout"] = $"00:00:{VisibilityTimeoutSeconds:D2}",
        ["TaskManager__HeartbeatInterval"] = "00:00:01",
    };
}
