using Microsoft.EntityFrameworkCore;
using Workers.Domain.Promotions;
using Workers.Domain.Transactions;
using Workers.TaskManager.Persistence;
using Workers.Transaction.CreateTransaction;
using Workers.Transaction.Tests.Infrastructure;
using Workers.Transaction.UpdateTransaction;
using static Workers.Transaction.Tests.CreateTransactionTests;

namespace Workers.Transaction.Tests;

public sealed class UpdateTransactionTests : TransactionWorkerTest
{
    [Fact]
    public async Task Allowed_transitions_apply_with_their_stock_illegal_ones_are_rejected_and_a_duplicate_send_changes_nothing()
    {
        await using (var db = Pos())
        {
            await Shop.SeedAsync(db, ["S001"], ["SKU-1", "SKU-2", "SKU-3"], new Dictionary<(string, string), int> { [("S001", "SKU-1")] = 10, [("S001", "SKU-2")] = 10 }, Cancellation);
            await Shop.AddSaleAsync(db, "S001", "SUMMER", SaleStatus.OnHeld, limit: 10, soldCount: 0, new Dictionary<string, int> { ["SKU-2"] = 400 }, Cancellation);
        }

        StartWorker();
        var created = await PublishAsync("createTransaction", new CreateTransactionBody(
        [
            Sell("T1", ("SKU-1", 1, 500, null)) with { Status = TransactionStatus.Pending }, // SKU-1 10 → 9
            Sell("T2", ("SKU-1", 2, 500, null)),                                          // 9 → 7
            new("S001", "T3", TransactionKind.Buy, [new("SKU-3", 2, 100)]),                // SKU-3 0 → 2
            Sell("T4", ("SKU-2", 3, 400, "SUMMER")),                                      // SKU-2 10 → 7, sale 3
            Sell("T5", ("SKU-3", 2, 300, null)),                                          // SKU-3 2 → 0: the bought cards are sold
        ]));
        Assert.Equal(0, (await WaitUntilFinishedAsync(created)).Task.ItemsRejected);

        var changes = new UpdateTransactionBody(
        [
            new("S001", "T1", TransactionAction.Complete),
            new("S001", "T2", TransactionAction.Cancel),                  // SKU-1 7 → 9
            new("S001", "T4", TransactionAction.Return, "R4"),           // SKU-2 7 → 10, sale 3 → 0
            new("S001", "T2", TransactionAction.Complete),                // cancelled: rejected
            new("S001", "T1", TransactionAction.Return),                  // no return code: rejected
            new("S001", "T3", TransactionAction.Cancel),                  // SKU-3 0 → -2: rejected
            new("S001", "T404", TransactionAction.Cancel),                // unknown: rejected
        ]);
        var update = await WaitUntilFinishedAsync(await PublishAsync("updateTransaction", changes));

        Assert.Equal((TaskState.Succeeded, 7L, 4L), (update.Task.State, update.Task.ItemsDone, update.Task.ItemsRejected));
        Assert.Collection(
            update.Rejections.OrderBy(r => r.Id),
            r => Assert.Contains("it is cancelled; a cancelled transaction cannot be completed", r.Reason, StringComparison.Ordinal),
            r => Assert.Contains("a return needs a returnCode", r.Reason, StringComparison.Ordinal),
            r => Assert.Contains("would take the stock from 0 to -2", r.Reason, StringComparison.Ordinal),
            r => Assert.Contains("no transaction 'T404'", r.Reason, StringComparison.Ordinal));
        var expected = await SnapshotAsync();
        Assert.Equal((9, 10, 0), (expected.Levels[("S001", "SKU-1")], expected.Levels[("S001", "SKU-2")], expected.Levels[("S001", "SKU-3")]));
        Assert.Equal(
            ["T1 Completed", "T2 Cancelled", "T3 Completed", "T4 Returned", "T5 Completed", "R4 Completed -1200 of T4"],
            expected.Transactions);
        Assert.Equal(0, expected.SummerSold);

        // The same changes again under another task id: states reached stay, illegal ones are rejected again.
        // Under a task id of its own, or SQS drops it as a duplicate of the same content within five minutes.
        var duplicate = await WaitUntilFinishedAsync(await PublishAsync("updateTransaction", changes, taskId: $"resend-{Guid.NewGuid():N}"));
        Assert.Equal(4L, duplicate.Task.ItemsRejected);
        var after = await SnapshotAsync();
        Assert.Equal(expected.Levels, after.Levels);
        Assert.Equal(expected.Transactions, after.Transactions);
        Assert.Equal(expected.Movements, after.Movements);
    }

    private async Task<(Dictionary<(string Store, string Sku), int> Levels, List<string> Transactions, int SummerSold, int Movements)> SnapshotAsync()
    {
        await using var db = Pos();
        var rows = await db.Transactions.AsNoTracking().OrderBy(t => t.Id).ToListAsync(Cancellation);
        var codes = rows.ToDictionary(t => t.Id, t => t.Code);
        return (
            await db.LevelsAsync(Cancellation),
            [.. rows.Select(t => $"{t.Code} {t.Status}" + (t.OriginalTransactionId is { } original ? $" {t.Total} of {codes[original]}" : ""))],
            await db.Sales.Where(s => s.Code == "SUMMER").Select(s => s.SoldCount).SingleAsync(Cancellation),
            await db.StockMovements.CountAsync(Cancellation));
    }
}
