using System.Diagnostics;
using Amazon.SQS.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workers.Domain;
using Workers.Domain.Stores;
using Workers.Product.UpdateStock;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;
using Workers.Testing;

namespace Workers.Benchmarks;

// (g) PostgreSQL stopped for a minute under load: two product worker processes, 1,000 updateStock tasks in 20
// FIFO groups, the server stopped once 100 are done and started again 60 s later. Measured: messages
// dead-lettered, receives spent per task that met the outage, and seconds from the restart until the backlog is
// drained. The anchor is the same run with holding turned off (Outage:MaxHold = 0: a failure spends a receive,
// as on main before #8).
internal sealed class DatabaseOutage(LocalStack stack)
{
    private const string Assembly = "Workers.Product.dll";
    private const int Groups = 20;
    private const int TasksPerGroup = 50;

    private static readonly TestMigrations Template = new TestMigrations()
        .With(cs => new PosDbContext(TestMigrations.Options<PosDbContext>(cs, PosDbContext.Schema)));

    public sealed record Result(int DeadLettered, int MetOutage, double ReceivesSpentPerTask, double DrainSeconds, int Applied, string SpentOn);

    public async Task<Result> RunAsync(TimeSpan outage, bool hold)
    {
        await using var server = await PostgresServer.StartAsync();
        await using var queues = await TestQueues.CreateAsync(stack.Sqs, "bench-outage", visibilityTimeoutSeconds: 120);
        await using var database = await TestDatabase.CreateAsync(server.AdminConnectionString, Template.Ids, Template.ApplyAsync);
        var skus = Enumerable.Range(0, Groups).Select(g => $"SKU-G{g:D2}").ToArray();
        await SeedAsync(database, skus);

        var environment = WorkerEnvironment.For(database, queues.QueueUrl);
        environment["TaskManager__Retry__BaseDelay"] = "00:00:01";
        environment["TaskManager__Outage__MaxHold"] = hold ? "00:15:00" : "00:00:00";
        using var first = WorkerProcess.Start(Assembly, environment);
        using var second = WorkerProcess.Start(Assembly, environment);
        await using var services = BenchPublisher.Create(database, "product", queues.QueueUrl);
        var publisher = services.GetRequiredService<ITaskPublisher>();
        var last = new string[Groups];
        var all = new List<string>();
        for (var i = 0; i < TasksPerGroup; i++)
        {
            var batch = Enumerable.Range(0, Groups)
                .Select(g => TaskMessage.Create("updateStock", new UpdateStockBody("S001", [new StockDelta(skus[g], 1)]), $"group-{g}", $"outage-{g}-{i}-{Guid.NewGuid():N}"))
                .ToList();
            foreach (var published in await publisher.PublishBatchAsync("product", batch))
            {
                all.Add(published.TaskId);
            }
        }

        for (var g = 0; g < Groups; g++)
        {
            last[g] = all[((TasksPerGroup - 1) * Groups) + g];
        }

        // Under load: the fifth task of every group done, the rest queued or running.
        await using (var subscription = await services.GetRequiredService<TaskWatcher>().SubscribeAsync(CancellationToken.None))
        {
            foreach (var taskId in all.Skip(4 * Groups).Take(Groups))
            {
                await WaitFinishedAsync(services, subscription, taskId);
            }
        }

        await server.StopAsync();
        await Task.Delay(outage);
        await server.StartAgainAsync();
        var clock = Stopwatch.StartNew();

        // This process's own pooled connections ended with the server, as the workers' did.
        services.GetRequiredService<NpgsqlDataSource>().Clear();
        await using (var subscription = await services.GetRequiredService<TaskWatcher>().SubscribeAsync(CancellationToken.None))
        {
            foreach (var taskId in last)
            {
                await WaitFinishedAsync(services, subscription, taskId);
            }
        }

        var drain = clock.Elapsed.TotalSeconds;
        await first.StopAsync();
        await second.StopAsync();
        return await MeasureAsync(services, database, queues, all, drain);
    }

    private async Task<Result> MeasureAsync(ServiceProvider services, TestDatabase database, TestQueues queues, List<string> all, double drain)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<TaskStoreDbContext>();
        var tasks = await store.Tasks.AsNoTracking().Where(t => all.Contains(t.TaskId)).ToListAsync();
        var metOutage = (await store.Errors.AsNoTracking().Where(e => e.TaskId != null && all.Contains(e.TaskId)).Select(e => e.TaskId!).Distinct().ToListAsync()).ToHashSet();
        var spent = tasks.Where(t => metOutage.Contains(t.TaskId)).Sum(t => t.Attempts - 1);

        // What the receives were spent on: the errors of the tasks that took more than one.
        var retried = tasks.Where(t => t.Attempts > 1).Select(t => t.TaskId).ToHashSet();
        var causes = await store.Errors.AsNoTracking().Where(e => e.TaskId != null && retried.Contains(e.TaskId))
            .GroupBy(e => e.Kind + " " + e.ExceptionType).Select(g => g.Key + " ×" + g.Count()).ToListAsync();
        var attributes = await stack.Sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest(queues.DeadLetterUrl, ["ApproximateNumberOfMessages"]));
        await using var product = new PosDbContext(TestMigrations.Options<PosDbContext>(database.ConnectionString, PosDbContext.Schema));
        var applied = await product.StockMovements.CountAsync();
        return new Result(attributes.ApproximateNumberOfMessages, metOutage.Count, metOutage.Count == 0 ? 0 : (double)spent / metOutage.Count, drain, applied, string.Join(", ", causes));
    }

    private static async Task SeedAsync(TestDatabase database, string[] skus)
    {
        await using var db = new PosDbContext(TestMigrations.Options<PosDbContext>(database.ConnectionString, PosDbContext.Schema));
        var store = new Store { Code = "S001", Name = "Store S001" };
        db.Stores.Add(store);
        db.Products.AddRange(skus.Select(sku => new Domain.Catalog.Product { Sku = sku, Name = sku }));
        await db.SaveChangesAsync();
    }

    // Finished: succeeded or dead-lettered (the anchor dead-letters some).
    private static async Task WaitFinishedAsync(IServiceProvider services, TaskSubscription subscription, string taskId)
    {
        while (true)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var progress = await scope.ServiceProvider.GetRequiredService<TaskProgressReader>().GetAsync(taskId);
                if (progress?.Task.State is TaskState.Succeeded or TaskState.DeadLettered)
                {
                    return;
                }
            }

            await subscription.WaitAsync(taskId, TimeSpan.FromSeconds(2), CancellationToken.None);
        }
    }
}
