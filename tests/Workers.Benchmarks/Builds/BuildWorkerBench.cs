using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workers.Build.Data;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;
using Workers.Testing;

namespace Workers.Benchmarks.Builds;

// The build worker as it runs in production: its own process (default pool size), a FIFO queue on the stack,
// builds published with the TaskManager's publisher and timed until the task store says Succeeded, which the
// worker writes only after the bundle is in S3 and the build record is committed.
internal sealed class BuildWorkerBench : IAsyncDisposable
{
    private static readonly TestMigrations Template = new TestMigrations()
        .With(cs => new BuildDbContext(TestMigrations.Options<BuildDbContext>(cs, BuildDbContext.Schema)));

    private TestQueues _queues = null!;
    private TestDatabase _database = null!;
    private WorkerProcess _worker = null!;
    private ServiceProvider _services = null!;
    private TaskSubscription _subscription = null!;

    public static async Task<BuildWorkerBench> StartAsync(LocalStack stack)
    {
        var bench = new BuildWorkerBench();
        bench._queues = await TestQueues.CreateAsync(stack.Sqs, "bench-build");
        bench._database = await TestDatabase.CreateAsync(stack, Template.Ids, Template.ApplyAsync);
        var environment = WorkerEnvironment.For(bench._database, bench._queues.QueueUrl);
        environment["BuildPool__WorkDirectory"] = PoolBench.NodeDirectory;
        bench._worker = WorkerProcess.Start("Workers.Build.dll", environment);
        bench._services = BenchPublisher.Create(bench._database, "build", bench._queues.QueueUrl);
        bench._subscription = await bench._services.GetRequiredService<TaskWatcher>().SubscribeAsync(CancellationToken.None);
        return bench;
    }

    // (c)/(e) One build at a time, enqueue → Succeeded, in milliseconds.
    public async Task<List<double>> LatenciesAsync(IEnumerable<string> sources)
    {
        var latencies = new List<double>();
        foreach (var source in sources)
        {
            var started = Stopwatch.GetTimestamp();
            var task = await PublishAsync(source);
            await _services.WaitForSuccessAsync(_subscription, task);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return latencies;
    }

    // (d) Every build published at once (one group each, so all may run in parallel); builds per second until
    // the last has succeeded.
    public async Task<double> BuildsPerSecondAsync(IReadOnlyList<string> sources)
    {
        var publisher = _services.GetRequiredService<ITaskPublisher>();
        var started = Stopwatch.GetTimestamp();
        var tasks = new List<string>();
        foreach (var batch in sources.Select(Message).Chunk(10))
        {
            tasks.AddRange((await publisher.PublishBatchAsync("build", batch)).Select(t => t.TaskId));
        }

        foreach (var task in tasks)
        {
            await _services.WaitForSuccessAsync(_subscription, task);
        }

        return sources.Count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    // Build records by outcome, to show the figures are of real builds and real cache hits.
    public async Task<(int Built, int CacheHits, int Other)> RecordsAsync()
    {
        await using var db = new BuildDbContext(TestMigrations.Options<BuildDbContext>(_database.ConnectionString, BuildDbContext.Schema));
        var built = await db.Builds.CountAsync(b => b.Status == BuildStatus.Succeeded && !b.CacheHit);
        var hits = await db.Builds.CountAsync(b => b.Status == BuildStatus.Succeeded && b.CacheHit);
        return (built, hits, await db.Builds.CountAsync() - built - hits);
    }

    public double WorkerPeakRssMegabytes() => _worker.PeakRssMegabytes();

    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync();
        _worker.Dispose();
        await _subscription.DisposeAsync();
        await _services.DisposeAsync();
        await _database.DisposeAsync();
        await _queues.DisposeAsync();
    }

    private async Task<string> PublishAsync(string source) =>
        (await _services.GetRequiredService<ITaskPublisher>().PublishAsync("build", Message(source))).TaskId;

    private static TaskMessage Message(string source)
    {
        var buildId = $"bench-{Guid.CreateVersion7():N}";
        return TaskMessage.Create("build", new { buildId, source }, groupId: buildId);
    }
}
