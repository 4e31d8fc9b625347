using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Workers.Domain;
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
    private const string Assembly = "Workers.Product.dll";

    private static readonly TestMigrations Template = new TestMigrations()
        .With(cs => new PosDbContext(TestMigrations.Options<PosDbContext>(cs, PosDbContext.Schema)));

    public async Task<(double RowsPerSecond, double PeakRssMegabytes, long Rows)> RunAsync(int stores, int products)
    {
        await using var queues = await TestQueues.CreateAsync(stack.Sqs, "bench-csv", visibilityTimeoutSeconds: 120);
        await using var database = await TestDatabase.CreateAsync(stack, Template.Ids, Template.ApplyAsync);
        var environment = WorkerEnvironment.For(database, queues.QueueUrl);
        var csv = Path.Combine(Path.GetTempPath(), $"bench-stock-{Guid.NewGuid():N}.csv");
        try
        {
            await WorkerProcess.RunAsync(Assembly, environment, "demo-data", "--stores", $"{stores}", "--products", $"{products}", "--csv", csv, "--bad-rows", "0");
            var rows = File.ReadLines(csv).LongCount() - 1;
            var key = $"uploads/product/bench-{Guid.NewGuid():N}/stock.csv";
            await using (var content = File.OpenRead(csv))
            {
                await S3Uploads.UploadAsync(stack.S3, stack.Bucket, key, content, "text/csv", CancellationToken.None);
            }

            using var worker = WorkerProcess.Start(Assembly, environment);
            await using var services = BenchPublisher.Create(database, "product", queues.QueueUrl);
            await using var subscription = await services.GetRequiredService<TaskWatcher>().SubscribeAsync(CancellationToken.None);
            var clock = Stopwatch.StartNew();
            var file = new StoredFile(stack.Bucket, key, new FileInfo(csv).Length, rows);
            var task = await services.GetRequiredService<ITaskPublisher>().PublishAsync("product", TaskMessage.Create("csvStock", new { file }, "csvStock"));
            await services.WaitForSuccessAsync(subscription, task.TaskId);
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
}
