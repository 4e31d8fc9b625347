using System.Text;
using Amazon.S3.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workers.Fleet;
using Workers.Product.Data;
using Workers.TaskManager;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;
using Workers.Testing;

namespace Workers.Product.Tests.Infrastructure;

// Base of the product worker's tests: every test gets its own FIFO queue, dead-letter queue and database on the
// real local stack, runs the real worker against them as child processes, publishes tasks with the
// TaskManager's publisher and follows them through the TaskManager's notifications (no polling, no sleeps).
public abstract class ProductWorkerTest : StackTest
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly List<WorkerProcess> _workers = [];
    private readonly List<string> _uploads = [];
    private ServiceProvider _services = null!;

    protected string TempDirectory { get; } = Directory.CreateTempSubdirectory("product-tests-").FullName;

    protected override TestMigrations Migrations => ProductMigrations.Template;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Workers"] = Database.ConnectionString,
            ["Fleet:Environment"] = "local",
            ["Fleet:QueueUrls:product"] = Queues.QueueUrl,
        }).Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddTaskPublisher(FleetDeclaration.Current, "product-tests")
            .BuildServiceProvider();
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        foreach (var key in _uploads)
        {
            await Stack.S3.DeleteObjectAsync(Stack.Bucket, key, CancellationToken.None);
        }

        await _services.DisposeAsync();
        Directory.Delete(TempDirectory, recursive: true);
        await base.DisposeAsync();
    }

    // What every worker process of this test runs with; settings add to or override it.
    protected Dictionary<string, string?> WorkerEnvironment(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Workers"] = Database.ConnectionString,
            ["Fleet__Environment"] = "local",
            ["TaskManager__QueueUrl"] = Queues.QueueUrl,
            ["TaskManager__Retry__BaseDelay"] = "00:00:01",
            ["Metrics__Emf"] = "false",
            ["WorkerLogging__Format"] = "text",
            ["Health__FilePath"] = Path.Combine(TempDirectory, $"health-{_workers.Count + 1}.json"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        return environment;
    }

    protected WorkerProcess StartWorker(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var worker = WorkerProcess.Start($"worker-{_workers.Count + 1}", WorkerEnvironment(settings));
        _workers.Add(worker);
        return worker;
    }

    protected Task<(int ExitCode, string Output)> RunCommandAsync(string name, IReadOnlyDictionary<string, string?>? settings, params string[] args) =>
        WorkerProcess.RunAsync(name, WorkerEnvironment(settings), Patience, args);

    protected async Task<string> PublishAsync<TBody>(string taskType, TBody body, string group = "g")
        where TBody : class
    {
        var publisher = _services.GetRequiredService<ITaskPublisher>();
        return (await publisher.PublishAsync("product", TaskMessage.Create(taskType, body, group), Cancellation)).TaskId;
    }

    protected async Task<TaskProgress?> ReadProgressAsync(string taskId)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TaskProgressReader>().GetAsync(taskId, maxRows: 1000, Cancellation);
    }

    // Waits until the task's recorded progress satisfies `until`, woken by the TaskManager's NOTIFY on every
    // committed chunk, failure and completion. Fails at once if the task finishes without satisfying it.
    protected async Task<TaskProgress> WaitForTaskAsync(string taskId, Func<TaskProgress, bool> until)
    {
        await using var subscription = await _services.GetRequiredService<TaskWatcher>().SubscribeAsync(Cancellation);
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var progress = await ReadProgressAsync(taskId);
            if (progress is not null && until(progress))
            {
                return progress;
            }

            if (progress is { IsFinished: true })
            {
                Assert.Fail($"Task {taskId} finished as {progress.Task.State} before the awaited condition held: {Describe(progress)}");
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await subscription.WaitAsync(taskId, left, Cancellation))
            {
                var last = await ReadProgressAsync(taskId);
                return last is not null && until(last)
                    ? last
                    : throw new TimeoutException($"Task {taskId} did not reach the awaited condition within {Patience}: {(last is null ? "never recorded" : Describe(last))}");
            }
        }
    }

    protected Task<TaskProgress> WaitUntilFinishedAsync(string taskId) => WaitForTaskAsync(taskId, p => p.IsFinished);

    protected async Task<List<TaskStepRecord>> LedgerAsync(string taskId)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskStoreDbContext>();
        return await db.Steps.AsNoTracking().Where(s => s.TaskId == taskId).ToListAsync(Cancellation);
    }

    private protected ProductDbContext ProductDb() => ProductMigrations.Product(Database.ConnectionString);

    // Stock levels by store code and SKU.
    protected async Task<Dictionary<(string Store, string Sku), int>> LevelsAsync()
    {
        await using var db = ProductDb();
        return await db.LevelsAsync(Cancellation);
    }

    private protected async Task<List<(string Store, string Sku, StockMovement Movement)>> MovementsAsync()
    {
        await using var db = ProductDb();
        return await db.MovementsAsync(Cancellation);
    }

    // Puts a stock CSV in the stack's bucket under a key of this test's; deleted when the test ends.
    protected async Task<StoredFile> UploadCsvAsync(string content, long rows)
    {
        var key = $"tests/{Guid.NewGuid():N}/stock.csv";
        _uploads.Add(key);
        await Stack.S3.PutObjectAsync(new PutObjectRequest { BucketName = Stack.Bucket, Key = key, ContentBody = content, ContentType = "text/csv" }, Cancellation);
        return new StoredFile(Stack.Bucket, key, Encoding.UTF8.GetByteCount(content), rows);
    }

    private static string Describe(TaskProgress progress) =>
        $"state {progress.Task.State}, attempts {progress.Task.Attempts}, chunks {progress.Task.ChunksDone}/{progress.Task.ChunksTotal}, "
        + $"items {progress.Task.ItemsDone}/{progress.Task.ItemsTotal}, rejected {progress.Task.ItemsRejected}; errors: "
        + string.Join(" | ", progress.Errors.Select(e => $"attempt {e.Attempt} {e.Kind}: {e.Message}"));
}
