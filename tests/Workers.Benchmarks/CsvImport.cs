using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workers.Fleet;
using Workers.Product.Data;
using Workers.TaskManager;
using Workers.TaskManager.Aws;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;
using Workers.Testing;

namespace Workers.Benchmarks;

// (c) A csvStock import end to end: a demo catalogue and its stock CSV (stores × products rows) in S3, one task
// published, timed until the worker process records it Succeeded; then the worker's peak resident memory.
internal sealed class CsvImport(LocalStack stack)
{
    private static readonly TestMigrations Template = new TestMigrations()
        .With(cs => new ProductDbContext(TestMigrations.Options<ProductDbContext>(cs, ProductDbContext.Schema)));

    public async Task<(double RowsPerSecond, double PeakRssMegabytes, long Rows)> RunAsync(int stores, int products)
    {
        await using var queues = await TestQueues.CreateAsync(stack.Sqs, "bench-csv", visibilityTimeoutSeconds: 120);
        await using var database = await TestDatabase.CreateAsync(stack, Template.Ids, Template.ApplyAsync);
        var environment = Environment(database, queues.QueueUrl);
        var csv = Path.Combine(Path.GetTempPath(), $"bench-stock-{Guid.NewGuid():N}.csv");
        try
        {
            await ProductProcess.RunAsync(environment, "demo-data", "--stores", $"{stores}", "--products", $"{products}", "--csv", csv, "--bad-rows", "0");
            var rows = File.ReadLines(csv).LongCount() - 1;
            var key = $"uploads/product/bench-{Guid.NewGuid():N}/stock.csv";
            await using (var content = File.OpenRead(csv))
            {
                await S3Uploads.UploadAsync(stack.S3, stack.Bucket, key, content, "text/csv", CancellationToken.None);
            }

            using var worker = ProductProcess.Start(environment);
            await using var services = Publisher(database, queues.QueueUrl);
            await using var subscription = await services.GetRequiredService<TaskWatcher>().SubscribeAsync(CancellationToken.None);
            var clock = Stopwatch.StartNew();
            var file = new StoredFile(stack.Bucket, key, new FileInfo(csv).Length, rows);
            var task = await services.GetRequiredService<ITaskPublisher>().PublishAsync("product", TaskMessage.Create("csvStock", new { file }, "csvStock"));
            await WaitForSuccessAsync(services, subscription, task.TaskId);
            var rate = rows / clock.Elapsed.TotalSeconds;
            var peak = worker.PeakRssMegabytes();
            await worker.StopAsync();
            return (rate, peak, rows);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    private static async Task WaitForSuccessAsync(IServiceProvider services, TaskSubscription subscription, string taskId)
    {
        while (true)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var progress = await scope.ServiceProvider.GetRequiredService<TaskProgressReader>().GetAsync(taskId);
                if (progress?.Task.State == TaskState.Succeeded)
                {
                    return;
                }

                if (progress?.Task.State == TaskState.DeadLettered)
                {
                    throw new InvalidOperationException($"The import was dead-lettered: {progress.Task.LastError}");
                }
            }

            await subscription.WaitAsync(taskId, TimeSpan.FromSeconds(5), CancellationToken.None);
        }
    }

    private static Dictionary<string, string> Environment(TestDatabase database, string queueUrl) =>
        new(System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Where(e => ((string)e.Key).StartsWith("AWS_", StringComparison.Ordinal))
            .Select(e => KeyValuePair.Create((string)e.Key, (string)e.Value!)))
        {
            ["ConnectionStrings__Workers"] = database.ConnectionString,
            ["TaskManager__QueueUrl"] = queueUrl,
            ["Fleet__Environment"] = "local",
            ["Metrics__Emf"] = "false",
            ["Health__FilePath"] = Path.Combine(Path.GetTempPath(), $"bench-health-{Guid.NewGuid():N}.json"),
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };

    private static ServiceProvider Publisher(TestDatabase database, string queueUrl)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Workers"] = database.ConnectionString,
            ["Fleet:QueueUrls:product"] = queueUrl,
        }).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddTaskPublisher(FleetDeclaration.Current, "benchmarks")
            .BuildServiceProvider();
    }
}
