using Microsoft.EntityFrameworkCore;
using Workers.Product.Tests.Infrastructure;
using Workers.Product.UpdateStock;
using Workers.TaskManager.Persistence;

namespace Workers.Product.Tests;

public sealed class UpdateStockTests : ProductWorkerTest
{
    [Fact]
    public async Task Deltas_apply_in_order_to_the_named_store_while_items_that_would_go_negative_or_name_an_unknown_sku_are_rejected()
    {
        await using (var db = ProductDb())
        {
            await Catalog.SeedAsync(
                db,
                ["S001", "S002"],
                ["SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5"],
                new Dictionary<(string, string), int> { [("S001", "SKU-1")] = 10, [("S001", "SKU-2")] = 5, [("S001", "SKU-3")] = 0, [("S002", "SKU-1")] = 7 },
                Cancellation);
        }

        StartWorker();
        var taskId = await PublishAsync("updateStock", new UpdateStockBody("S001",
        [
            new("SKU-1", 5),      // 10 → 15
            new("SKU-2", -3),     // 5 → 2
            new("SKU-2", -4),     // 2 → -2: rejected, not clamped to 0
            new("SKU-NOPE", 1),   // unknown SKU: rejected
            new("SKU-3", 2),      // 0 → 2
            new("SKU-1", -15),    // 15 → 0: down to zero is allowed
            new("SKU-4", 3),      // no level in S001 yet: created
            new("SKU-5", -1),     // no level in S001: 0 → -1, rejected
        ]));

        var progress = await WaitUntilFinishedAsync(taskId);

        Assert.Equal(TaskState.Succeeded, progress.Task.State);
        Assert.Equal(8, progress.Task.ItemsDone);
        Assert.Equal(3, progress.Task.ItemsRejected);
        Assert.Collection(
            progress.Rejections.OrderBy(r => r.Id),
            r => AssertRejection(r, "SKU-2", "item 3:", "from 2 to -2"),
            r => AssertRejection(r, "SKU-NOPE", "item 4:", "unknown SKU"),
            r => AssertRejection(r, "SKU-5", "item 8:", "from 0 to -1"));

        var levels = await LevelsAsync();
        Assert.Equal(0, levels[("S001", "SKU-1")]);
        Assert.Equal(2, levels[("S001", "SKU-2")]);
        Assert.Equal(2, levels[("S001", "SKU-3")]);
        Assert.Equal(3, levels[("S001", "SKU-4")]);
        Assert.Equal(7, levels[("S002", "SKU-1")]);
        // The level locked for SKU-5 was never stocked: nothing applied to it, so it is not left behind.
        Assert.False(levels.ContainsKey(("S001", "SKU-5")));

        var movements = await MovementsAsync();
        Assert.Equal(
            [("S001", "SKU-1", 5, 15), ("S001", "SKU-2", -3, 2), ("S001", "SKU-3", 2, 2), ("S001", "SKU-1", -15, 0), ("S001", "SKU-4", 3, 3)],
            movements.Select(m => (m.Store, m.Sku, m.Movement.Delta, m.Movement.QuantityAfter)));
        Assert.All(movements, m => Assert.Equal((taskId, "updateStock"), (m.Movement.TaskId, m.Movement.TaskType)));
    }

    [Fact]
    public async Task A_task_for_an_unknown_store_or_with_no_items_is_dead_lettered_at_once_and_changes_nothing()
    {
        await using (var db = ProductDb())
        {
            await Catalog.SeedAsync(db, ["S001"], ["SKU-1"], new Dictionary<(string, string), int> { [("S001", "SKU-1")] = 10 }, Cancellation);
        }

        StartWorker();
        var unknownStore = await PublishAsync("updateStock", new UpdateStockBody("S404", [new("SKU-1", -1)]), group: "a");
        var noItems = await PublishAsync("updateStock", new UpdateStockBody("S001", []), group: "b");

        var rejected = await WaitUntilFinishedAsync(unknownStore);
        var invalid = await WaitUntilFinishedAsync(noItems);

        Assert.Equal((TaskState.DeadLettered, 1), (rejected.Task.State, rejected.Task.Attempts));
        var rejection = Assert.Single(rejected.Errors);
        Assert.True(rejection.Permanent);
        Assert.Equal("Rejected", rejection.Kind);
        Assert.Contains("Store 'S404' does not exist", rejection.Message, StringComparison.Ordinal);

        Assert.Equal((TaskState.DeadLettered, 1), (invalid.Task.State, invalid.Task.Attempts));
        var validation = Assert.Single(invalid.Errors);
        Assert.Equal("InvalidBody", validation.Kind);
        Assert.Contains("items: ", validation.Message, StringComparison.Ordinal);

        Assert.Equal(2, (await Queues.ReceiveAsync(Queues.DeadLetterUrl, 2, Patience)).Count);
        Assert.Equal(10, (await LevelsAsync())[("S001", "SKU-1")]);
        await using var check = ProductDb();
        Assert.False(await check.StockMovements.AnyAsync(Cancellation));
    }

    private static void AssertRejection(TaskRejectionRecord rejection, string sku, string item, string reason)
    {
        Assert.Equal(sku, rejection.ItemKey);
        Assert.StartsWith(item, rejection.Reason, StringComparison.Ordinal);
        Assert.Contains(reason, rejection.Reason, StringComparison.Ordinal);
    }
}
