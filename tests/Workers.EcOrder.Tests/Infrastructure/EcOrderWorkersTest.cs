using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workers.Domain;
using Workers.ExternalEc.Tests.Infrastructure;
using Workers.Fleet;
using Workers.TaskManager.Outbox;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;
using Workers.Testing;

namespace Workers.EcOrder.Tests.Infrastructure;

// Base of the payment deadline's tests: the real ec-order worker on this test's queue and the real external-ec
// worker on a second one, each routing its follow-ups to the other's queue, both on this test's database, a shop
// of the test's own on the Ochanoko stand-in, and a queue standing in for the notification worker's.
public abstract class EcOrderWorkersTest() : WorkerProcessTest("ec-order", "Workers.EcOrder")
{
    private TestQueues _externalEc = null!;

    private protected TestQueues Notification { get; private set; } = null!;

    internal OchanokoStandIn Ochanoko { get; } = new();

    protected override TestMigrations Migrations => Template;

    private static readonly TestMigrations Template = new TestMigrations().With(Pos);

    protected override string DefaultGroup => "S001";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _externalEc = await TestQueues.CreateAsync(Stack.Sqs, "ecorder-xec");
        Notification = await TestQueues.CreateAsync(Stack.Sqs, "ecorder-notice");
        await Ochanoko.CreateShopAsync(cancellationToken: Cancellation);
        await using var db = PosDb();
        await Seed.LinkedProductsAsync(db, 3, Cancellation);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _externalEc.DisposeAsync();
        await Notification.DisposeAsync();
        Ochanoko.Dispose();
    }

    // Both workers, once both consume (deadlines a few seconds ahead count from then); store S001 is this test's shop.
    protected async Task StartWorkersAsync()
    {
        var routes = new Dictionary<string, string?>
        {
            ["Fleet__QueueUrls__external-ec"] = _externalEc.QueueUrl,
            ["Fleet__QueueUrls__notification"] = Notification.QueueUrl,
        };
        var ecOrder = StartWorker(routes);
        var externalEc = StartWorker("external-ec", "Workers.ExternalEc", new Dictionary<string, string?>(routes)
        {
            ["TaskManager__QueueUrl"] = _externalEc.QueueUrl,
            ["ExternalEc__Ochanoko__Endpoint"] = Ochanoko.Endpoint,
            ["ExternalEc__Ochanoko__ShopTokens"] = JsonSerializer.Serialize(new Dictionary<string, string> { ["S001"] = Ochanoko.Token }),
            ["ExternalEc__Ochanoko__RetryBaseDelay"] = "00:00:00.200",
            ["ExternalEc__Sync__Enabled"] = "false",
        });
        await Task.WhenAll(ecOrder.WaitForLineAsync("Consuming "), externalEc.WaitForLineAsync("Consuming "));
    }

    // An Ochanoko order event, given to external-ec as an HTTP entry point would: through the outbox.
    protected async Task<string> OrderEventAsync(string orderId, string @event = "ordered")
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(Cancellation);
        return await TaskOutbox.EnqueueAsync(connection, null, FleetDeclaration.Current, "external-ec",
            TaskMessage.Create("importOchanokoOrder", new { storeCode = "S001", orderId, @event }, "S001"), cancellationToken: Cancellation);
    }

    // A konbini order of one unit of SKU-1 and two of SKU-3 (of 2 and 4 in stock: room for two orders), due at `deadline`, seeded on the stand-in.
    protected Task SeedOrderAsync(string id, DateTimeOffset deadline) =>
        Ochanoko.SeedOrderAsync(OchanokoOrders.Order(id, "konbini", deadline, ("och-1", null, 1), ("och-3", null, 2)), Cancellation);

    // The task id of the one outbox row of `taskType` whose body names the order (written by a step that has
    // committed: the caller awaited the task that wrote it).
    protected async Task<string> OutboxTaskAsync(string taskType, string orderId) =>
        Assert.Single(await OutboxAsync(), o => o.TaskType == taskType && o.Body.Contains($"\"orderId\":\"{orderId}\"", StringComparison.Ordinal)).TaskId;

    protected async Task<List<OutboxRecord>> OutboxAsync()
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskStoreDbContext>();
        return await db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync(Cancellation);
    }

    private protected PosDbContext PosDb() => Pos(Database.ConnectionString);

    private static PosDbContext Pos(string connectionString) =>
        new(TestMigrations.Options<PosDbContext>(connectionString, PosDbContext.Schema));
}
