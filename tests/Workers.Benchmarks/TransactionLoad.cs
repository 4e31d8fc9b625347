using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Workers.Domain;
using Workers.Domain.Stock;
using Workers.Domain.Stores;
using Workers.Domain.Transactions;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;
using Workers.Testing;
using Workers.Transaction.CreateTransaction;
using PosProduct = Workers.Domain.Catalog.Product;

namespace Workers.Benchmarks;

// createTransaction end to end: the transaction worker as its own process with default settings, register
// transactions of 3 lines each (sells, stock applied through the ledger) published in tasks of 500 over a few
// FIFO groups, timed from the first publish until every task is recorded Succeeded; then the worker's peak RSS and
// its CPU time per transaction.
internal sealed class TransactionLoad(LocalStack stack)
{
    private const string Assembly = "Workers.Transaction.dll";
    private const int PerTask = 500;
    private const int Groups = 8;
    private const int Products = 1_000;

    private static readonly TestMigrations Template = new TestMigrations()
        .With(cs => new PosDbContext(TestMigrations.Options<PosDbContext>(cs, PosDbContext.Schema)));

    public async Task<TransactionFigures> RunAsync(int transactions)
    {
        await using var queues = await TestQueues.CreateAsync(stack.Sqs, "bench-tx", visibilityTimeoutSeconds: 120);
        await using var database = await TestDatabase.CreateAsync(stack, Template.Ids, Template.ApplyAsync);
        await SeedAsync(database.ConnectionString);

        var random = new Random(5);
        var warmUp = Tasks("W", WarmUp, random);
        var timed = Tasks("R", transactions, random);

        var started = Stopwatch.StartNew();
        using var worker = WorkerProcess.Start(Assembly, WorkerEnvironment.For(database, queues.QueueUrl));
        await using var services = BenchPublisher.Create(database, "transaction", queues.QueueUrl);
        await using var subscription = await services.GetRequiredService<TaskWatcher>().SubscribeAsync(CancellationToken.None);
        var publisher = services.GetRequiredService<ITaskPublisher>();

        // Cold: from the process's start through its first tasks (start-up, EF Core's model, first JIT of
        // every path). Warm: the timed tasks after that, as a worker that has been running a while sees them.
        await PublishAndWaitAsync(services, subscription, publisher, warmUp);
        var cold = started.Elapsed;
        using var process = Process.GetProcessById(worker.Id);
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await PublishAndWaitAsync(services, subscription, publisher, timed);
        var rate = transactions / clock.Elapsed.TotalSeconds;
        process.Refresh();
        // The worker's CPU per transaction over the timed part: on 2 shared cores its rate follows this figure.
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / transactions;
        var peak = worker.PeakRssMegabytes();
        await worker.StopAsync();
        return new TransactionFigures(rate, WarmUp / cold.TotalSeconds, peak, cpu);
    }

    private const int WarmUp = 2_000;

    private static List<CreateTransactionBody> Tasks(string prefix, int transactions, Random random) =>
        [.. Enumerable.Range(0, transactions / PerTask).Select(t => new CreateTransactionBody([.. Enumerable.Range(0, PerTask).Select(i =>
            new RegisterTransaction("S001", $"{prefix}{t:D4}-{i:D3}", TransactionKind.Sell,
                [.. Enumerable.Range(0, 3).Select(_ => new RegisterLine($"SKU-{random.Next(Products):D5}", 1, 500))]))]))];

    private static async Task PublishAndWaitAsync(ServiceProvider services, TaskSubscription subscription, ITaskPublisher publisher, List<CreateTransactionBody> tasks)
    {
        var ids = new List<string>();
        for (var t = 0; t < tasks.Count; t++)
        {
            ids.Add((await publisher.PublishAsync("transaction", TaskMessage.Create("createTransaction", tasks[t], $"register-{t % Groups}"))).TaskId);
        }

        foreach (var id in ids)
        {
            await services.WaitForSuccessAsync(subscription, id);
        }
    }

    // One store, 1,000 products with stock enough for every sale: nothing is rejected, every line moves stock.
    private static async Task SeedAsync(string connectionString)
    {
        await using var db = new PosDbContext(TestMigrations.Options<PosDbContext>(connectionString, PosDbContext.Schema));
        var store = new Store { Code = "S001", Name = "Bench store" };
        var products = Enumerable.Range(0, Products).Select(i => new PosProduct { Sku = $"SKU-{i:D5}", Name = $"Card {i}" }).ToList();
        db.Stores.Add(store);
        db.Products.AddRange(products);
        await db.SaveChangesAsync();
        db.StockLevels.AddRange(products.Select(p => new StockLevel { StoreId = store.Id, ProductId = p.Id, Quantity = 1_000_000, UpdatedAt = DateTimeOffset.UtcNow }));
        await db.SaveChangesAsync();
    }
}
