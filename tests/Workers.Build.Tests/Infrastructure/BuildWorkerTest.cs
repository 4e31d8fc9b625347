using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workers.Build.Builds;
using Workers.Build.Data;
using Workers.Fleet;
using Workers.TaskManager;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;
using Workers.Testing;

namespace Workers.Build.Tests.Infrastructure;

// Base of the build worker's tests: every test gets its own FIFO queue, dead-letter queue and database on the
// real local stack, runs the real worker as a child process against them, publishes build tasks with the
// TaskManager's publisher and follows them through the TaskManager's notifications (no polling, no sleeps).
// By default the worker's pool runs the fake build server; RealServer tests use workers/build/node.
public abstract class BuildWorkerTest : StackTest
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly List<BuildWorkerProcess> _workers = [];
    private ServiceProvider _services = null!;

    protected string TempDirectory { get; } = Directory.CreateTempSubdirectory("build-tests-").FullName;

    protected override TestMigrations Migrations => BuildMigrations.Template;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Workers"] = Database.ConnectionString,
            ["Fleet:Environment"] = "local",
            ["Fleet:QueueUrls:build"] = Queues.QueueUrl,
        }).Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddTaskPublisher(FleetDeclaration.Current, "build-tests")
            .BuildServiceProvider();
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        await _services.DisposeAsync();
        Directory.Delete(TempDirectory, recursive: true);
        await base.DisposeAsync();
    }

    // The worker with the fake build server (FakeServer/fake-build-server.mjs), or the real one.
    protected BuildWorkerProcess StartWorker(IReadOnlyDictionary<string, string?>? settings = null, bool realServer = false)
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
            ["BuildPool__MinProcesses"] = "1",
            ["BuildPool__MaxProcesses"] = "2",
        };
        if (!realServer)
        {
            environment["BuildPool__WorkDirectory"] = Path.Combine(AppContext.BaseDirectory, "FakeServer");
            environment["BuildPool__Script"] = "fake-build-server.mjs";
            environment["BuildPool__RequireNodeModules"] = "false";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        var worker = BuildWorkerProcess.Start($"worker-{_workers.Count + 1}", environment);
        _workers.Add(worker);
        return worker;
    }

    private protected async Task<string> PublishAsync(BuildBody body, string? taskId = null)
    {
        var publisher = _services.GetRequiredService<ITaskPublisher>();
        var message = TaskMessage.Create("build", body, groupId: body.BuildId, taskId: taskId);
        return (await publisher.PublishAsync("build", message, Cancellation)).TaskId;
    }

    // Publishes a build of `source` and waits until its task has finished; returns the task and the record.
    private protected async Task<(TaskProgress Task, BuildRecord Build)> BuildAsync(string source, BuildSettings? options = null, string? buildId = null)
    {
        buildId ??= NewBuildId();
        var taskId = await PublishAsync(new BuildBody(buildId, source, null, options));
        var task = await WaitUntilFinishedAsync(taskId);
        return (task, await RecordAsync(buildId) ?? throw new InvalidOperationException($"Build {buildId} has no record; task: {task.Task.State} {task.Task.LastError}"));
    }

    protected static string NewBuildId() => $"b-{Guid.CreateVersion7():N}";

    private protected async Task<BuildRecord?> RecordAsync(string buildId)
    {
        await using var db = BuildMigrations.Build(Database.ConnectionString);
        return await db.Builds.AsNoTracking().SingleOrDefaultAsync(b => b.BuildId == buildId, Cancellation);
    }

    protected async Task<int> RecordCountAsync()
    {
        await using var db = BuildMigrations.Build(Database.ConnectionString);
        return await db.Builds.CountAsync(Cancellation);
    }

    private protected async Task<string> BundleAsync(BuildRecord record)
    {
        using var response = await Stack.S3.GetObjectAsync(record.BundleBucket, record.BundleKey, Cancellation);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync(Cancellation);
    }

    protected async Task<TaskProgress> WaitUntilFinishedAsync(string taskId)
    {
        await using var subscription = await _services.GetRequiredService<TaskWatcher>().SubscribeAsync(Cancellation);
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await using var scope = _services.CreateAsyncScope();
            var progress = await scope.ServiceProvider.GetRequiredService<TaskProgressReader>().GetAsync(taskId, maxRows: 100, Cancellation);
            if (progress is { IsFinished: true })
            {
                return progress;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Task {taskId} did not finish within {Patience}: {(progress is null ? "never recorded" : progress.Task.State.ToString())}");
            }

            await subscription.WaitAsync(taskId, left, Cancellation);
        }
    }
}
