using Microsoft.EntityFrameworkCore;
using Workers.Domain.Ledger;
using Workers.Domain.Transactions;
using Workers.TaskManager.Persistence;
using Workers.Transaction.CreateTransaction;
using Workers.Transaction.Tests.Infrastructure;

namespace Workers.Transaction.Tests;

// createTransaction in the worker process, concurrently with other writers of the same stock levels. The product
// worker on this branch still keeps its own stock tables (the domain's move of updateStock and stockProduct onto
// the pos ledger lands separately), so the other writers here are what those task types do after the move:
// StockLedger.ApplyAsync inside their own transactions, from this process, on the same products in shuffled order.
public sealed class StressTests : TransactionWorkerTest
{
    private const int Groups = 8;
    private const int TransactionsPerTask = 100;
    private const int Writers = 4;
    private const int WritesPerWriter = 60;
    private const int Initial = 10_000;

    [Fact]
    public async Task Concurrent_transactions_and_stock_writers_on_the_same_products_never_deadlock_and_never_lose_a_unit()
    {
        var skus = Enumerable.Range(1, 12).Select(i => $"SKU-{i:D2}").ToArray();
        await using (var db = Pos())
        {
            await Shop.SeedAsync(db, ["S001"], skus, skus.ToDictionary(s => ("S001", s), _ => Initial), Cancellation);
        }

        var expected = skus.ToDictionary(s => ("S001", s), _ => (long)Initial);
        var random = new Random(9);
        var bodies = new List<CreateTransactionBody>();
        for (var g = 0; g < Groups; g++)
        {
            bodies.Add(new CreateTransactionBody([.. Enumerable.Range(0, TransactionsPerTask).Select(i =>
            {
                var kind = random.Next(4) == 0 ? TransactionKind.Buy : TransactionKind.Sell;
                var lines = Enumerable.Range(0, 3).Select(_ => new RegisterLine(skus[random.Next(skus.Length)], random.Next(1, 4), 100)).ToList();
                foreach (var line in lines)
                {
                    expected[("S001", line.Sku)] += kind == TransactionKind.Sell ? -line.Quantity : line.Quantity;
                }

                return new RegisterTransaction("S001", $"G{g}-{i:D3}", kind, lines);
            })]));
        }

        var writes = Enumerable.Range(0, Writers).Select(_ => Enumerable.Range(0, WritesPerWriter).Select(_ =>
            skus.OrderBy(_ => random.Next()).Take(5).Select(sku => (Sku: sku, Delta: random.Next(-3, 6))).ToList()).ToList()).ToList();
        foreach (var (sku, delta) in writes.SelectMany(w => w).SelectMany(w => w))
        {
            expected[("S001", sku)] += delta;
        }

        StartWorker();
        var tasks = new List<string>();
        for (var g = 0; g < Groups; g++)
        {
            tasks.Add(await PublishAsync("createTransaction", bodies[g], group: $"register-{g}"));
        }

        await Task.WhenAll(writes.Select((w, i) => Task.Run(() => WriteAsync(i, w), Cancellation)));
        foreach (var taskId in tasks)
        {
            var done = await WaitUntilFinishedAsync(taskId);
            // One attempt each: a deadlock (or any other failure) would have failed a chunk and retried the task.
            Assert.Equal((TaskState.Succeeded, 1, 0L), (done.Task.State, done.Task.Attempts, done.Task.ItemsRejected));
        }

        await using var check = Pos();
        Assert.Equal(Groups * TransactionsPerTask, await check.Transactions.CountAsync(Cancellation));
        var levels = await check.LevelsAsync(Cancellation);
        Assert.Equal(expected, levels.ToDictionary(l => l.Key, l => (long)l.Value));
        var sums = await check.MovementSumsAsync(Cancellation);
        Assert.All(levels, l => Assert.Equal(l.Value - Initial, sums.GetValueOrDefault(l.Key)));
    }

    // One writer: each write its own transaction through the ledger, as updateStock's chunks are.
    private async Task WriteAsync(int writer, List<List<(string Sku, int Delta)>> writes)
    {
        await using var db = Pos();
        var products = await db.Products.ToDictionaryAsync(p => p.Sku, p => p.Id, Cancellation);
        var store = await db.Stores.Select(s => s.Id).SingleAsync(Cancellation);
        var ledger = new StockLedger(db, TimeProvider.System);
        for (var i = 0; i < writes.Count; i++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Cancellation);
            var outcomes = await ledger.ApplyAsync(
                [.. writes[i].Select(w => StockChange.Add(store, products[w.Sku], w.Delta, StockReasons.Adjustment))],
                new StockCause($"writer-{writer}-{i}", "updateStock"),
                Cancellation);
            Assert.All(outcomes, o => Assert.True(o.Applied));
            await transaction.CommitAsync(Cancellation);
        }

    }
}
