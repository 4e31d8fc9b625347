using Microsoft.EntityFrameworkCore;
using Workers.Domain.Stores;
using Workers.Domain.Transactions;
using Workers.TaskManager.Persistence;
using Workers.Transaction.CreateTransaction;
using Workers.Transaction.Tests.Infrastructure;

namespace Workers.Transaction.Tests;

// createTransaction in the transaction worker's process while the real product worker, in its own process, takes
// updateStock and stockProduct tasks on the same products: three task types of two processes locking the same
// stock levels through the one ledger, in one order.
public sealed class StressTests : TransactionWorkerTest
{
    private const int Registers = 8;
    private const int TransactionsPerTask = 100;
    private const int StockTasks = 24;
    private const int ReceiptTasks = 24;
    private const int ProductGroups = 4;
    private const int Initial = 10_000;

    [Fact]
    public async Task Concurrent_transactions_stock_updates_and_receipts_on_the_same_products_never_deadlock_and_never_lose_a_unit()
    {
        var skus = Enumerable.Range(1, 12).Select(i => $"SKU-{i:D2}").ToArray();
        await using (var db = Pos())
        {
            await Shop.SeedAsync(db, ["S001"], skus, skus.ToDictionary(s => ("S001", s), _ => Initial), Cancellation);
            db.Suppliers.Add(new Supplier { Code = "SUP-A", Name = "Supplier A" });
            await db.SaveChangesAsync(Cancellation);
        }

        var expected = skus.ToDictionary(s => ("S001", s), _ => (long)Initial);
        var random = new Random(9);
        var registers = Enumerable.Range(0, Registers).Select(g => new CreateTransactionBody([.. Enumerable.Range(0, TransactionsPerTask).Select(i =>
        {
            var kind = random.Next(4) == 0 ? TransactionKind.Buy : TransactionKind.Sell;
            var lines = Enumerable.Range(0, 3).Select(_ => new RegisterLine(skus[random.Next(skus.Length)], random.Next(1, 4), 100)).ToList();
            foreach (var line in lines)
            {
                expected[("S001", line.Sku)] += kind == TransactionKind.Sell ? -line.Quantity : line.Quantity;
            }

            return new RegisterTransaction("S001", $"G{g}-{i:D3}", kind, lines);
        })])).ToList();
        var updates = Enumerable.Range(0, StockTasks).Select(_ => new UpdateStock("S001", [.. skus.OrderBy(_ => random.Next()).Take(6).Select(sku =>
        {
            var delta = random.Next(-3, 6);
            expected[("S001", sku)] += delta;
            return new StockDelta(sku, delta);
        })])).ToList();
        var receipts = Enumerable.Range(0, ReceiptTasks).Select(_ => new StockReceipt("S001", "SUP-A", [.. skus.OrderBy(_ => random.Next()).Take(5).Select(sku =>
        {
            var quantity = random.Next(1, 6);
            expected[("S001", sku)] += quantity;
            return new Received(sku, quantity, 100);
        })])).ToList();

        StartWorker();
        await using var product = await ProductWorker.StartAsync(Stack, WorkerEnvironment(), TempDirectory);
        var tasks = new List<string>();
        for (var i = 0; i < Math.Max(Registers, StockTasks); i++)
        {
            if (i < Registers)
            {
                tasks.Add(await PublishAsync("createTransaction", registers[i], group: $"register-{i}"));
            }

            tasks.Add(await product.SendAsync("updateStock", updates[i], $"stock-{i % ProductGroups}"));
            tasks.Add(await product.SendAsync("stockProduct", receipts[i], $"receipt-{i % ProductGroups}"));
        }

        foreach (var taskId in tasks)
        {
            var done = await WaitUntilFinishedAsync(taskId);
            // One receive each: a deadlock (or any other failure) would have failed a chunk and retried the task,
            // or dead-lettered it.
            Assert.Equal((TaskState.Succeeded, 1, 0L), (done.Task.State, done.Task.Attempts, done.Task.ItemsRejected));
        }

        await using var check = Pos();
        Assert.Equal(Registers * TransactionsPerTask, await check.Transactions.CountAsync(Cancellation));
        Assert.Equal(ReceiptTasks, await check.StockReceipts.CountAsync(Cancellation));
        var levels = await check.LevelsAsync(Cancellation);
        Assert.Equal(expected, levels.ToDictionary(l => l.Key, l => (long)l.Value));
        var sums = await check.MovementSumsAsync(Cancellation);
        Assert.All(levels, l => Assert.Equal(l.Value - Initial, sums.GetValueOrDefault(l.Key)));
    }

    // The product worker's bodies as it reads them (its records are internal to it).
    private sealed record StockDelta(string Sku, int Delta);

    private sealed record UpdateStock(string StoreCode, IReadOnlyList<StockDelta> Items);

    private sealed record Received(string Sku, int Quantity, int UnitCost);

    private sealed record StockReceipt(string StoreCode, string SupplierCode, IReadOnlyList<Received> Lines);
}
