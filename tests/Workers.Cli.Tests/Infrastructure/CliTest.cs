using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Workers.Fleet;
using Workers.TaskManager;
using Workers.TaskManager.Persistence;
using Workers.Testing;

namespace Workers.Cli.Tests.Infrastructure;

// Base of the CLI's integration tests: each test gets its own queue, dead-letter queue and database on the real
// local stack, points the CLI's "product" worker at them, and can run the product worker in-process with the
// test handlers.
public abstract class CliTest : StackTest
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly List<IHost> _hosts = [];

    protected override TestMigrations Migrations => Infrastructure.Migrations.Template;

    public override async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }

        await base.DisposeAsync();
    }

    // What the CLI reads: this test's database, and this test's queue as the product worker's.
    protected Dictionary<string, string?> Settings() => new()
    {
        ["ConnectionStrings:Workers"] = Database.ConnectionString,
        ["Fleet:Environment"] = "local",
        ["Fleet:QueueUrls:product"] = Queues.QueueUrl,
    };

    protected Task<CliRun> RunAsync(params string[] args) => WorkersCli.RunAsync(Settings(), args);

    // The fleet's product worker consuming this test's queue, with updateStock cut into chunks of two items.
    protected Task<IHost> StartWorkerAsync() =>
        StartWorkerAsync(tasks => tasks.AddTask<StockUpdate, StockUpdateHandler>("updateStock").AddTask<CsvStock, CsvStockHandler>("csvStock"));

    // The product worker with the given handlers; `overrides` replace or add to its settings.
    protected async Task<IHost> StartWorkerAsync(Action<TaskManagerBuilder> tasks, IDictionary<string, string?>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TaskManager:QueueUrl"] = Queues.QueueUrl,
            ["TaskManager:Retry:BaseDelay"] = "00:00:01",
            ["TaskManager:TaskTypes:updateStock:ChunkSize"] = "2",
            ["ConnectionStrings:Workers"] = Database.ConnectionString,
            ["Fleet:Environment"] = "local",
            ["Metrics:Emf"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());
        builder.Logging.AddProvider(new TestOutputLoggerProvider(TestContext.Current.TestOutputHelper));
        builder.Logging.SetMinimumLevel(LogLevel.Debug).AddFilter("Microsoft", LogLevel.Warning);

        // The test handlers write no tables of their own, so their ledgered chunks commit through the TaskManager's context.
        tasks(builder.AddTaskManager(FleetDeclaration.Current.Worker("product"))
            .UseDatabase<TaskStoreDbContext>(TaskStoreDbContext.Schema)
            .AddTask<StockReceipt, StockReceiptHandler>("stockProduct"));
        var host = builder.Build();
        _hosts.Add(host);
        await host.StartAsync(Cancellation);
        return host;
    }

    // Stops a worker started by StartWorkerAsync: it finishes what it holds and hands the rest back to SQS.
    protected async Task StopWorkerAsync(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        _hosts.Remove(host);
        await host.StopAsync(CancellationToken.None);
        host.Dispose();
    }

    // Waits, on the TaskManager's notifications, until the task succeeded or was dead-lettered.
    protected async Task<TaskProgress> FinishedAsync(string taskId)
    {
        await using var dataSource = NpgsqlDataSource.Create(Database.ConnectionString);
        await using var subscription = await new TaskWatcher(dataSource).SubscribeAsync(Cancellation);
        await using var db = Infrastructure.Migrations.Context(Database.ConnectionString);
        var reader = new TaskProgressReader(db);
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await reader.GetAsync(taskId, cancellationToken: Cancellation) is { IsFinished: true } progress)
            {
                return progress;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Task {taskId} did not finish within {Patience}.");
            }

            await subscription.WaitAsync(taskId, deadline - DateTime.UtcNow, Cancellation);
        }
    }
}
