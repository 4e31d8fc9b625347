using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workers.Fleet;
using Workers.TaskManager;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;

namespace Workers.Testing;

/// <summary>
/// Base of the tests that run a worker's own build as child processes (<see cref="WorkerProcess"/>) against this
/// test's queue and database, publish its tasks with the TaskManager's publisher and follow them through the
/// TaskManager's notifications (no polling, no sleeps). The worker is the one of <c>workers/&lt;worker&gt;</c>, built
/// by the same build as the tests (the configuration is the test assembly's own).
/// </summary>
/// <param name="worker">The worker's name in the fleet declaration and its folder under <c>workers/</c>.</param>
/// <param name="assembly">The worker's assembly name, e.g. <c>Workers.Product</c>.</param>
public abstract class WorkerProcessTest(string worker, string assembly) : StackTest
{
    private readonly List<WorkerProcess> _workers = [];
    private ServiceProvider _services = null!;

    /// <summary>How long a task or a worker gets before the test fails rather than hangs.</summary>
    protected virtual TimeSpan Patience => TimeSpan.FromSeconds(90);

    /// <summary>A folder of this test's own (health files, sources, outputs), deleted when the test ends.</summary>
    protected string TempDirectory { get; } = Directory.CreateTempSubdirectory($"{worker}-tests-").FullName;

    /// <inheritdoc />
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Workers"] = Database.ConnectionString,
            ["Fleet:Environment"] = "local",
            [$"Fleet:QueueUrls:{worker}"] = Queues.QueueUrl,
        }).Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddTaskPublisher(FleetDeclaration.Current, $"{worker}-tests")
            .BuildServiceProvider();
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        foreach (var process in _workers)
        {
            await process.DisposeAsync();
        }

        await _services.DisposeAsync();
        Directory.Delete(TempDirectory, recursive: true);
        await base.DisposeAsync();
    }

    /// <summary>What every worker process of this test runs with; <paramref name="settings"/> add to or override it.</summary>
    protected Dictionary<string, string?> WorkerEnvironment(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Workers"] = Database.ConnectionString,
            ["Fleet__Environment"] = "local",
            ["TaskManager__QueueUrl"] = Queues.QueueUrl,
            [$"Fleet__QueueUrls__{worker}"] = Queues.QueueUrl, // what the worker enqueues for itself comes here too
            ["TaskManager__Retry__BaseDelay"] = "00:00:01",
            ["Metrics__Emf"] = "false",
            ["WorkerLogging__Format"] = "text",
            ["Health__FilePath"] = Path.Combine(TempDirectory, $"health-{_workers.Count + 1}.json"),

            // A worker test runs the tasks it publishes; the fleet's schedules would add their own occurrences to
            // its queue. A test of the scheduler turns it back on with TaskManager__Scheduler__Enabled=true.
            ["TaskManager__Scheduler__Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>Starts a worker process, killed when the test ends if it still runs.</summary>
    protected WorkerProcess StartWorker(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var process = WorkerProcess.Start($"worker-{_workers.Count + 1}", WorkerDll(worker, assembly), WorkerEnvironment(settings));
        _workers.Add(process);
        return process;
    }

    /// <summary>
    /// Starts a process of another worker of the fleet (<c>workers/&lt;otherWorker&gt;</c>), for tests of work that
    /// crosses two workers; killed when the test ends. It gets this test's database and environment:
    /// <paramref name="settings"/> must route its own queue (<c>TaskManager__QueueUrl</c>, <c>Fleet__QueueUrls__…</c>).
    /// </summary>
    protected WorkerProcess StartWorker(string otherWorker, string otherAssembly, IReadOnlyDictionary<string, string?> settings)
    {
        var process = WorkerProcess.Start($"{otherWorker}-{_workers.Count + 1}", WorkerDll(otherWorker, otherAssembly), WorkerEnvironment(settings));
        _workers.Add(process);
        return process;
    }

    /// <summary>Runs one of the worker's commands (healthcheck, demo-data, …) to its end.</summary>
    protected Task<(int ExitCode, string Output)> RunCommandAsync(string name, IReadOnlyDictionary<string, string?>? settings, params string[] args) =>
        WorkerProcess.RunAsync(name, WorkerDll(worker, assembly), WorkerEnvironment(settings), Patience, args);

    /// <summary>The FIFO group of the tasks a test publishes without naming one.</summary>
    protected virtual string DefaultGroup => "g";

    /// <summary>Publishes a <paramref name="taskType"/> task with <paramref name="body"/>; returns its task id.</summary>
    protected Task<string> PublishAsync<TBody>(string taskType, TBody body, string? group = null, string? taskId = null)
        where TBody : class =>
        PublishAsync(TaskMessage.Create(taskType, body, group ?? DefaultGroup, taskId));

    /// <summary>
    /// The same task delivered again, as SQS does after a lost delete: same task id, a deduplication id SQS has
    /// not seen (a repeat within 5 minutes would otherwise be dropped before the worker saw it).
    /// </summary>
    protected Task<string> RedeliverAsync<TBody>(string taskType, TBody body, string taskId, string? group = null)
        where TBody : class =>
        PublishAsync(TaskMessage.Create(taskType, body, group ?? DefaultGroup, taskId) with { DeduplicationId = Guid.NewGuid().ToString("N") });

    /// <summary>Publishes <paramref name="message"/> to the worker's queue; returns its task id.</summary>
    protected async Task<string> PublishAsync(TaskMessage message) =>
        (await _services.GetRequiredService<ITaskPublisher>().PublishAsync(worker, message, Cancellation)).TaskId;

    /// <summary>The task's recorded progress, or null if no delivery of it has been recorded yet.</summary>
    protected async Task<TaskProgress?> ReadProgressAsync(string taskId)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TaskProgressReader>().GetAsync(taskId, maxRows: 1000, Cancellation);
    }

    /// <summary>A scope of the publisher's services (the task store's DbContext among them).</summary>
    protected AsyncServiceScope CreateScope() => _services.CreateAsyncScope();

    /// <summary>
    /// Waits until the task's recorded progress satisfies <paramref name="until"/>, woken by the TaskManager's
    /// NOTIFY on every committed chunk, failure and completion. Fails at once if the task finishes without
    /// satisfying it.
    /// </summary>
    protected async Task<TaskProgress> WaitForTaskAsync(string taskId, Func<TaskProgress, bool> until)
    {
        ArgumentNullException.ThrowIfNull(until);
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
                throw new InvalidOperationException($"Task {taskId} finished as {progress.Task.State} before the awaited condition held: {Describe(progress)}");
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

    /// <summary>Waits until the task has finished (succeeded, failed or dead-lettered).</summary>
    protected Task<TaskProgress> WaitUntilFinishedAsync(string taskId) => WaitForTaskAsync(taskId, p => p.IsFinished);

    private static string Describe(TaskProgress progress) =>
        $"state {progress.Task.State}, attempts {progress.Task.Attempts}, chunks {progress.Task.ChunksDone}/{progress.Task.ChunksTotal}, "
        + $"items {progress.Task.ItemsDone}/{progress.Task.ItemsTotal}, rejected {progress.Task.ItemsRejected}; errors: "
        + string.Join(" | ", progress.Errors.Select(e => $"attempt {e.Attempt} {e.Kind}: {e.Message}"));

    // workers/<name>/bin/<Configuration>/net10.0/<assemblyName>.dll, in the test assembly's own configuration.
    private string WorkerDll(string name, string assemblyName)
    {
        var configuration = GetType().Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepositoryRoot.Path, "workers", name, "bin", configuration, "net10.0", $"{assemblyName}.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"The {name} worker is not built for {configuration}: build the solution (dotnet build -c {configuration}) before testing.", dll);
    }
}
