using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workers.Domain;
using Workers.TaskManager.Outbox;
using Workers.TaskManager.Persistence;
using Workers.Testing;

namespace Workers.ExternalEc.Tests.Infrastructure;

// Base of the external-ec worker's tests: the shared part (own queue and database, the real worker as child
// processes, publishing and following tasks) is WorkerProcessTest's. Here: a shop of this test's own on the
// Ochanoko stand-in, a queue standing in for the notification worker's, and the pos data.
public abstract class ExternalEcWorkerTest() : WorkerProcessTest("external-ec", "Workers.ExternalEc")
{
    private TestQueues _notification = null!;

    internal OchanokoStandIn Ochanoko { get; } = new();

    protected override TestMigrations Migrations => Template;

    private static readonly TestMigrations Template = new TestMigrations().With(Pos);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _notification = await TestQueues.CreateAsync(Stack.Sqs, "ecnotice");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _notification.DisposeAsync();
        Ochanoko.Dispose();
    }

    // The worker, with store S001 = this test's shop (S002 has none unless `settings` say), follow-ups to the
    // notification worker going to this test's queue (its own sync tasks go to its queue: WorkerProcessTest).
    protected WorkerProcess StartExternalEcWorker(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ExternalEc__Ochanoko__Endpoint"] = Ochanoko.Endpoint,
            ["ExternalEc__Ochanoko__ShopTokens"] = JsonSerializer.Serialize(new Dictionary<string, string> { ["S001"] = Ochanoko.Token }),
            ["ExternalEc__Ochanoko__RetryBaseDelay"] = "00:00:00.200",
            ["Fleet__QueueUrls__notification"] = _notification.QueueUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        return StartWorker(environment);
    }

    // Ochanoko tasks are grouped by store, as the EC sync groups them.
    protected override string DefaultGroup => "S001";

    private protected PosDbContext PosDb() => Pos(Database.ConnectionString);

    protected async Task<List<OutboxRecord>> OutboxAsync()
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskStoreDbContext>();
        return await db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync(Cancellation);
    }

    protected async Task<List<TaskRecord>> TasksAsync(string taskType)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskStoreDbContext>();
        return await db.Tasks.AsNoTracking().Where(t => t.TaskType == taskType).OrderBy(t => t.CreatedAt).ToListAsync(Cancellation);
    }

    // The sync's and the tests' bodies, for assertions: {"storeCode":…,"items":[{"sku":…}]}.
    protected static (string Store, string[] Skus) UpdateBody(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        return (root.GetProperty("storeCode").GetString()!, [.. root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()!)]);
    }

    protected static object StockBody(string store, IEnumerable<int> products) =>
        new { storeCode = store, items = products.Select(n => new { sku = Seed.Sku(n) }).ToArray() };

    private static PosDbContext Pos(string connectionString) =>
        new(TestMigrations.Options<PosDbContext>(connectionString, PosDbContext.Schema));
}
