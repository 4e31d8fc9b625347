using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workers.Fleet;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;
using Workers.Testing;

namespace Workers.TaskManager.Tests.Infrastructure;

// Base of the TaskManager's integration tests: every test gets its own FIFO queue, dead-letter queue and
// database on the real local stack, and builds a worker host against them.
public abstract class TaskManagerTest : StackTest
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly List<IHost> _hosts = [];
    private readonly List<TaskWatch> _watches = [];

    protected Script Script { get; } = new();

    protected override TestMigrations Migrations => Infrastructure.Migrations.Template;

    public override async ValueTask DisposeAsync()
    {
        foreach (var watch in _watches)
        {
            await watch.DisposeAsync();
        }

        foreach (var host in _hosts)
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }

        await base.DisposeAsync();
    }

    protected static FleetWorker Worker(params TestTaskType[] taskTypes) =>
        TestFleet.Worker("test", taskTypes.Length > 0 ? taskTypes : [new TestTaskType("echo")]);

    // A worker host consuming this test's queue with the scripted handler for every task type.
    protected IHost CreateHost(
        FleetWorker? worker = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        Action<TaskManagerBuilder>? taskManagerOptions = null)
    {
        worker ??= Worker();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TaskManager:QueueUrl"] = Queues.QueueUrl,
            ["TaskManager:WaitTimeSeconds"] = "20",
            ["TaskManager:Retry:BaseDelay"] = "00:00:01",
            ["ConnectionStrings:Workers"] = Database.ConnectionString,
            ["Fleet:Environment"] = "local",
            ["Metrics:Emf"] = "false",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.AddProvider(new TestOutputLoggerProvider(TestContext.Current.TestOutputHelper));
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton(Script);
        services?.Invoke(builder.Services);
        var taskManager = builder.AddTaskManager(worker);
        foreach (var taskType in worker.TaskTypes.Keys)
        {
            taskManager.AddTask<Echo, ScriptedHandler>(taskType);
        }

        taskManagerOptions?.Invoke(taskManager);
        var host = builder.Build();
        _hosts.Add(host);
        return host;
    }

    // Listens for the host's task notifications; subscribe before publishing so no change is missed.
    protected async Task<TaskWatch> SubscribeAsync(IHost host)
    {
        var subscription = await host.Services.GetRequiredService<TaskWatcher>().SubscribeAsync(Cancellation);
        var watch = new TaskWatch(subscription, Database.ConnectionString);
        _watches.Add(watch);
        return watch;
    }

    protected ITaskPublisher Publisher(IHost host) => host.Services.GetRequiredService<ITaskPublisher>();

    // Publishes straight to this test's queue (the publisher finds queues through Fleet:QueueUrls).
    protected async Task<PublishedTask> PublishAsync(IHost host, string taskType, Echo body, string group = "g", string? taskId = null) =>
        await Publisher(host).PublishAsync("test", TaskMessage.Create(taskType, body, group, taskId), Cancellation);

    protected Dictionary<string, string?> QueueSettings() => new() { ["Fleet:QueueUrls:test"] = Queues.QueueUrl };

    protected async Task<List<TaskErrorRecord>> ErrorsAsync(string? taskId = null)
    {
        await using var db = new TaskStoreDbContext(new DbContextOptionsBuilder<TaskStoreDbContext>().UseNpgsql(Database.ConnectionString).Options);
        return await db.Errors.AsNoTracking()
            .Where(e => taskId == null || e.TaskId == taskId)
            .OrderBy(e => e.Id)
            .ToListAsync(Cancellation);
    }

    protected async Task<TaskRecord?> TaskAsync(string taskId)
    {
        await using var db = new TaskStoreDbContext(new DbContextOptionsBuilder<TaskStoreDbContext>().UseNpgsql(Database.ConnectionString).Options);
        return await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.TaskId == taskId, Cancellation);
    }
}
