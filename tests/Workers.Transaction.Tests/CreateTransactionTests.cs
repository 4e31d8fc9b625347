using Microsoft.EntityFrameworkCore;
using Workers.Domain.Promotions;
using Workers.Domain.Transactions;
using Workers.TaskManager.Persistence;
using Workers.Transaction.CreateTransaction;
using Workers.Transaction.Tests.Infrastructure;

namespace Workers.Transaction.Tests;

// Both tests share one worker and database (SharedTransactionWorker); each names its own stores and SKUs.
public sealed class CreateTransactionTests(SharedTransactionWorker worker) : IClassFixture<SharedTransactionWorker>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly Dictionary<(string, string), int> Stock = new()
    {
        [("S001", "SKU-1")] = 10,
        [("S001", "SKU-2")] = 5,
        [("S001", "SKU-3")] = 1,
        [("S002", "SKU-1")] = 7,
    };

    [Fact]
    public async Task Transactions_are_recorded_whole_with_their_stock_and_sale_counts_or_rejected_whole_with_the_reason()
    {
        await using (var db = worker.Db())
        {
            await Shop.SeedAsync(db, ["S001", "S002"], ["SKU-1", "SKU-2", "SKU-3", "SKU-4"], Stock, Cancellation);
            await Shop.AddSaleAsync(db, "S001", "SUMMER", SaleStatus.OnHeld, limit: 3, soldCount: 1, new Dictionary<string, int> { ["SKU-1"] = 400 }, Cancellation);
            await Shop.AddSaleAsync(db, "S001", "WINTER", SaleStatus.NotHeld, limit: null, soldCount: 0, new Dictionary<string, int> { ["SKU-1"] = 300 }, Cancellation);
        }

        var taskId = await worker.SendAsync("createTransaction", new CreateTransactionBody(
        [
            Sell("T1", ("SKU-1", 2, 500, null), ("SKU-2", 1, 800, null)),                 // 10 → 8, 5 → 4
            new("S001", "T2", TransactionKind.Buy, [new("SKU-4", 3, 200)], PaymentMethod: "cash"), // buy-back creates the level: 0 → 3
            Sell("T3", ("SKU-2", 1, 800, null), ("SKU-3", 2, 900, null)),                 // SKU-3 has 1: rejected whole, SKU-2 stays 4
            Sell("T4", ("SKU-1", 2, 400, "SUMMER")),                                      // sale 1 → 3 of 3: 8 → 6
            Sell("T5", ("SKU-1", 1, 400, "SUMMER")),                                      // over the limit: rejected
            Sell("T6", ("SKU-1", 1, 300, "WINTER")),                                      // sale not on: rejected
            Sell("T7", ("SKU-NOPE", 1, 100, null)),                                       // unknown SKU
            new("S404", "T8", TransactionKind.Sell, [new("SKU-1", 1, 100)]),               // unknown store
            Sell("T1", ("SKU-1", 9, 500, null)),                                          // code reused with other content
            Sell("T9", ("SKU-3", 1, 900, null)),                                          // 1 → 0: fits once T3 left it alone
        ]));

        var progress = await worker.FinishedAsync(taskId);

        Assert.Equal(TaskState.Succeeded, progress.Task.State);
        Assert.Equal((10L, 6L), (progress.Task.ItemsDone, progress.Task.ItemsRejected));
        var reasons = progress.Rejections.ToDictionary(r => r.ItemKey + (r.Reason.Contains("other content", StringComparison.Ordinal) ? "#reused" : ""), r => r.Reason);
        Assert.Contains("line 2 (SKU-3, sell 2) would take the stock from 1 to -1", reasons["S001/T3"], StringComparison.Ordinal);
        Assert.Contains("sale 'SUMMER' has 0 of its limit of 3 left", reasons["S001/T5"], StringComparison.Ordinal);
        Assert.Contains("sale 'WINTER' is not on", reasons["S001/T6"], StringComparison.Ordinal);
        Assert.Contains("unknown SKU 'SKU-NOPE'", reasons["S001/T7"], StringComparison.Ordinal);
        Assert.Contains("unknown store 'S404'", reasons["S404/T8"], StringComparison.Ordinal);
        Assert.Contains("already recorded", reasons["S001/T1#reused"], StringComparison.Ordinal);

        await using var check = worker.Db();
        var levels = await check.LevelsAsync(Cancellation);
        Assert.Equal(6, levels[("S001", "SKU-1")]);
        Assert.Equal(4, levels[("S001", "SKU-2")]);
        Assert.Equal(0, levels[("S001", "SKU-3")]);
        Assert.Equal(3, levels[("S001", "SKU-4")]);
        Assert.Equal(7, levels[("S002", "SKU-1")]);

        var stores = await check.Stores.Where(s => s.Code == "S001" || s.Code == "S002").Select(s => s.Id).ToListAsync(Cancellation);
        var transactions = await check.Transactions.AsNoTracking().Where(t => stores.Contains(t.StoreId)).OrderBy(t => t.Code).ToListAsync(Cancellation);
        Assert.Equal(["T1", "T2", "T4", "T9"], transactions.Select(t => t.Code));
        Assert.All(transactions, t => Assert.Equal((TransactionStatus.Completed, taskId), (t.Status, t.TaskId)));
        Assert.Equal([1800L, 600L, 800L, 900L], transactions.Select(t => t.Total));
        Assert.Equal(TransactionKind.Buy, transactions[1].Kind);
        var lines = await check.TransactionLines.AsNoTracking().Where(l => transactions.Select(t => t.Id).Contains(l.TransactionId)).ToListAsync(Cancellation);
        Assert.Equal(5, lines.Count);
        var summer = await check.Sales.AsNoTracking().SingleAsync(s => s.Code == "SUMMER", Cancellation);
        Assert.Equal(3, summer.SoldCount);
        Assert.Equal(summer.Id, Assert.Single(lines, l => l.TransactionId == transactions[2].Id).SaleId);

        var movements = await check.StockMovements.AsNoTracking().Where(m => stores.Contains(m.StoreId)).OrderBy(m => m.Id).ToListAsync(Cancellation);
        Assert.Equal([-2, -1, 3, -2, -1], movements.Select(m => m.Delta));
        Assert.Equal(["sale", "sale", "buy", "sale", "sale"], movements.Select(m => m.Reason));
        Assert.All(movements, m => Assert.Equal((taskId, "createTransaction"), (m.TaskId, m.TaskType)));
    }

    [Fact]
    public async Task A_redelivery_and_a_duplicate_send_change_nothing()
    {
        await using (var db = worker.Db())
        {
            await Shop.SeedAsync(db, ["R001", "R002"], ["SKU-R1", "SKU-R2", "SKU-R3"], Stock.ToDictionary(s => (s.Key.Item1.Replace('S', 'R'), s.Key.Item2.Replace("SKU-", "SKU-R", StringComparison.Ordinal)), s => s.Value), Cancellation);
        }

        var body = new CreateTransactionBody([SellAt("R001", "T1", ("SKU-R1", 2, 500, null)), SellAt("R001", "T2", ("SKU-R2", 1, 800, null), ("SKU-R1", 1, 500, null))]);
        var first = await worker.SendAsync("createTransaction", body);
        Assert.Equal(TaskState.Succeeded, (await worker.FinishedAsync(first)).Task.State);

        // The same message again (a lost delete), and the same transactions under another task id (a register
        // that sent its upload twice).
        await worker.ResendAsync(first, "createTransaction", body, new CreateTransactionBody([SellAt("R001", "M1", ("SKU-R3", 1, 1, null))]));
        // A task id of its own: SQS would otherwise drop the copy as a duplicate of the same content within five
        // minutes, and the handler must be the one that tells.
        var duplicate = await worker.SendAsync("createTransaction", body, taskId: $"resend-{Guid.NewGuid():N}");
        var again = await worker.FinishedAsync(duplicate);

        Assert.Equal((TaskState.Succeeded, 0L), (again.Task.State, again.Task.ItemsRejected));
        await using var check = worker.Db();
        var store = await check.Stores.Where(s => s.Code == "R001").Select(s => s.Id).SingleAsync(Cancellation);
        var levels = await check.LevelsAsync(Cancellation);
        Assert.Equal((7, 4, 0), (levels[("R001", "SKU-R1")], levels[("R001", "SKU-R2")], levels[("R001", "SKU-R3")]));
        Assert.Equal(["M1", "T1", "T2"], await check.Transactions.Where(t => t.StoreId == store).OrderBy(t => t.Code).Select(t => t.Code).ToListAsync(Cancellation));
        Assert.Equal(4, await check.StockMovements.CountAsync(m => m.StoreId == store, Cancellation));
    }

    internal static RegisterTransaction Sell(string code, params (string Sku, int Quantity, int Price, string? Sale)[] lines) =>
        SellAt("S001", code, lines);

    internal static RegisterTransaction SellAt(string store, string code, params (string Sku, int Quantity, int Price, string? Sale)[] lines) =>
        new(store, code, TransactionKind.Sell, [.. lines.Select(l => new RegisterLine(l.Sku, l.Quantity, l.Price, SaleCode: l.Sale))]);
}
