using Microsoft.EntityFrameworkCore;
using Workers.Item.CreateItem;
using Workers.Item.Tests.Infrastructure;
using Workers.TaskManager.Persistence;

namespace Workers.Item.Tests;

public sealed class CrashRecoveryTests : ItemWorkerTest
{
    private const int VisibilityTimeoutSeconds = 5;
    private const int Items = 1000;
    private const int Chunks = 10;

    protected override int QueueVisibilityTimeoutSeconds => VisibilityTimeoutSeconds;

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_a_createItem_task_is_resumed_creating_every_item_and_enqueuing_every_initial_stock_once()
    {
        await using (var db = PosDb())
        {
            await Seed.CatalogueAsync(db, Cancellation);
        }

        // Chunks slow enough that the kill lands between two of them; the crashed worker's message comes back
        // within seconds (the queue's visibility timeout is as short).
        var settings = new Dictionary<string, string?>
        {
            ["TaskManager__TaskTypes__createItem__ChunkCooldownMilliseconds"] = "500",
            ["TaskManager__VisibilityTimeout"] = $"00:00:{VisibilityTimeoutSeconds:D2}",
            ["TaskManager__HeartbeatInterval"] = "00:00:01",
        };
        var body = new CreateItemBody([.. Enumerable.Range(1, Items).Select(i => new NewItem($"BOX-{i:D4}", $"Box {i}", "BOX", 1000, 500, InitialStock: [new("S001", 1)]))]);
        var first = StartItemWorker(settings);
        var taskId = await PublishAsync("createItem", body);
        await WaitForTaskAsync(taskId, p => p.Task.ChunksDone >= 3);
        first.Kill();
        await first.WaitForExitAsync(Patience);
        var atCrash = (await ReadProgressAsync(taskId))!;
        Assert.InRange(atCrash.Task.ChunksDone, 3, Chunks - 1);

        StartItemWorker(settings);
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
    }
}
