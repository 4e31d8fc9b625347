using Microsoft.EntityFrameworkCore;
using Workers.Product.StockProduct;
using Workers.Product.Tests.Infrastructure;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;

namespace Workers.Product.Tests;

public sealed class StockProductTests : ProductWorkerTest
{
    private const int VisibilityTimeoutSeconds = 5;

    protected override int QueueVisibilityTimeoutSeconds => VisibilityTimeoutSeconds;

    [Fact]
    public async Task Received_lines_add_stock_and_make_one_receipt_per_supplier_while_bad_lines_are_rejected_in_line_order()
    {
        await SeedAsync();

        StartWorker();
        var taskId = await PublishAsync("stockProduct", new StockProductBody("S001",
        [
            new("SKU-1", 3, 100),               // SUP-A: 5 → 8
            new("SKU-2", 4, 250, "SUP-B"),      // SUP-B: no level yet, 0 → 4
            new("SKU-NOPE", 1, 10),             // unknown SKU
            new("SKU-3", 0, 10),                // quantity 0
            new("SKU-3", -2, 10),               // negative quantity
            new("SKU-3", 2, 10, "SUP-X"),       // unknown supplier
            new("SKU-1", 2, 120),               // SUP-A: 8 → 10
            new("SKU-3", 1, -5),                // negative unit cost
        ], "SUP-A"));

        var progress = await WaitUntilFinishedAsync(taskId);

        Assert.Equal(TaskState.Succeeded, progress.Task.State);
        Assert.Equal((8L, 5L), (progress.Task.ItemsDone, progress.Task.ItemsRejected));
        Assert.Equal(
            [
                ("SKU-NOPE", "line 3: unknown SKU 'SKU-NOPE'"),
                ("SKU-3", "line 4: quantity 0 is not positive"),
                ("SKU-3", "line 5: quantity -2 is not positive"),
                ("SKU-3", "line 6: unknown supplier 'SUP-X'"),
                ("SKU-3", "line 8: unit cost -5 is negative"),
            ],
            progress.Rejections.OrderBy(r => r.Id).Select(r => (r.ItemKey, r.Reason[..r.Reason.IndexOf(';', StringComparison.Ordinal)])));

        await using var db = ProductDb();
        Assert.Equal([("SUP-A", taskId, 2, 5L, 540L), ("SUP-B", taskId, 1, 4L, 1000L)], await db.ReceiptsAsync(Cancellation));
        Assert.Equal(
            [("SUP-A", 1L, "SKU-1", 3, 100, 300L), ("SUP-B", 2L, "SKU-2", 4, 250, 1000L), ("SUP-A", 7L, "SKU-1", 2, 120, 240L)],
            await db.ReceiptLinesAsync(Cancellation));

        var levels = await LevelsAsync();
        Assert.Equal((10, 4, 7), (levels[("S001", "SKU-1")], levels[("S001", "SKU-2")], levels[("S002", "SKU-1")]));
        Assert.False(levels.ContainsKey(("S001", "SKU-3")));
        var movements = await MovementsAsync();
        Assert.Equal(
            [("SKU-1", 3, 8), ("SKU-2", 4, 4), ("SKU-1", 2, 10)],
            movements.Select(m => (m.Sku, m.Movement.Delta, m.Movement.QuantityAfter)));
        Assert.All(movements, m => Assert.Equal((taskId, "stockProduct", "receipt"), (m.Movement.TaskId, m.Movement.TaskType, m.Movement.Reason)));
    }

    [Fact]
    public async Task A_task_for_an_unknown_store_is_dead_lettered_and_a_line_with_no_supplier_is_rejected()
    {
        await SeedAsync();

        StartWorker();
        var unknownStore = await PublishAsync("stockProduct", new StockProductBody("S404", [new("SKU-1", 1, 10)], "SUP-A"), group: "a");
        var noSupplier = await PublishAsync("stockProduct", new StockProductBody("S001", [new("SKU-1", 1, 10), new("SKU-2", 1, 10, "SUP-B")]), group: "b");

        var rejected = await WaitUntilFinishedAsync(unknownStore);
        var partly = await WaitUntilFinishedAsync(noSupplier);

        Assert.Equal(TaskState.DeadLettered, rejected.Task.State);
        Assert.Contains("Store 'S404' does not exist", Assert.Single(rejected.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(TaskState.Succeeded, partly.Task.State);
        var rejection = Assert.Single(partly.Rejections);
        Assert.Equal("SKU-1", rejection.ItemKey);
        Assert.StartsWith("line 1: no supplierCode", rejection.Reason, StringComparison.Ordinal);

        await using var db = ProductDb();
        Assert.Equal([("SUP-B", noSupplier, 1, 1L, 10L)], await db.ReceiptsAsync(Cancellation));
        Assert.Equal(5, (await LevelsAsync())[("S001", "SKU-1")]);
    }

    [Fact]
    public async Task A_task_delivered_again_after_it_finished_changes_nothing()
    {
        await SeedAsync();
        StartWorker();
        var body = new StockProductBody("S001", [new("SKU-1", 3, 100), new("SKU-2", 4, 250, "SUP-B")], "SUP-A");
        var taskId = await PublishAsync("stockProduct", body);
        Assert.Equal(TaskState.Succeeded, (await WaitUntilFinishedAsync(taskId)).Task.State);
        var before = await SnapshotAsync();

        // The same task again, past SQS's deduplication (a redelivery, or a resend after its five-minute window),
        // then a sentinel behind it in the same FIFO group: when the sentinel is done, the resend was handled.
        await PublishAsync(TaskMessage.Create("stockProduct", body, "g", taskId) with { DeduplicationId = $"{taskId}-again" });
        var sentinel = await PublishAsync("stockProduct", new StockProductBody("S002", [new("SKU-3", 1, 1)], "SUP-A"));
        Assert.Equal(TaskState.Succeeded, (await WaitUntilFinishedAsync(sentinel)).Task.State);

        var after = await SnapshotAsync();
        Assert.True(after.Levels.Remove(("S002", "SKU-3")));
        Assert.Equal(before.Levels, after.Levels);
        Assert.Equal(before.Receipts, after.Receipts.Where(r => r.TaskId == taskId));
        Assert.Equal(before.Lines, after.Lines.Where(l => l.Sku != "SKU-3"));
        Assert.Equal(before.Movements + 1, after.Movements);
        Assert.Single(await LedgerAsync(taskId));
    }

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_a_multi_chunk_receipt_is_resumed_and_every_line_is_received_once()
    {
        await using (var db = ProductDb())
        {
            await TenChunkReceipt.SeedAsync(db, Cancellation);
        }

        var settings = TenChunkReceipt.SlowChunks(VisibilityTimeoutSeconds);
        var first = StartWorker(settings);
        var taskId = await PublishAsync("stockProduct", TenChunkReceipt.Body);
        await WaitForTaskAsync(taskId, p => p.Task.ChunksDone >= 3);
        first.Kill();
        await first.WaitForExitAsync(Patience);
        var atCrash = (await ReadProgressAsync(taskId))!;
        Assert.InRange(atCrash.Task.ChunksDone, 3, TenChunkReceipt.Chunks - 1);

        StartWorker(settings);
        var done = await WaitUntilFinishedAsync(taskId);

        Assert.Equal(TaskState.Succeeded, done.Task.State);
        Assert.Equal((TenChunkReceipt.Chunks, (long)TenChunkReceipt.Lines, 0L), (done.Task.ChunksDone, done.Task.ItemsDone, done.Task.ItemsRejected));
        var ledger = await LedgerAsync(taskId);
        Assert.Equal(TenChunkReceipt.Chunks, ledger.Count);
        Assert.Contains(ledger, s => s.Attempt >= 2);
        Assert.Equal(TenChunkReceipt.ExpectedLevels, await LevelsAsync());
        await using var check = ProductDb();
        Assert.Equal(
            TenChunkReceipt.ExpectedReceipts,
            (await check.ReceiptsAsync(Cancellation)).Select(r => (r.Supplier, r.Lines, r.Quantity, r.Cost)));
        Assert.Equal(
            Enumerable.Range(1, TenChunkReceipt.Lines).Select(i => (long)i),
            (await check.ReceiptLinesAsync(Cancellation)).Select(l => l.Line));
        Assert.Equal(TenChunkReceipt.Lines, (await MovementsAsync()).Count);
    }

    private async Task SeedAsync()
    {
        await using var db = ProductDb();
        await Catalog.SeedAsync(
            db,
            ["S001", "S002"],
            ["SKU-1", "SKU-2", "SKU-3"],
            new Dictionary<(string, string), int> { [("S001", "SKU-1")] = 5, [("S002", "SKU-1")] = 7 },
            Cancellation);
        await db.SeedSuppliersAsync(["SUP-A", "SUP-B"], Cancellation);
    }

    private async Task<(Dictionary<(string Store, string Sku), int> Levels, List<(string Supplier, string TaskId, int Lines, long Quantity, long Cost)> Receipts, List<(string Supplier, long Line, string Sku, int Quantity, int UnitCost, long Total)> Lines, int Movements)> SnapshotAsync()
    {
        await using var db = ProductDb();
        return (await LevelsAsync(), await db.ReceiptsAsync(Cancellation), await db.ReceiptLinesAsync(Cancellation), await db.StockMovements.CountAsync(Cancellation));
    }
}
