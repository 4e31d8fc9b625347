using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workers.Domain;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;
using Workers.Testing;

namespace Workers.Benchmarks;

// ochanokoUpdateStock of 10,000 products through the real external-ec worker (its own process, fleet settings:
// chunks of 800, 1 s cooldown) against the Ochanoko stand-in's token bucket (1 request/s, burst 1, the limit the
// cooldown is set for). The floor is what the bucket allows: the first `burst` PUTs at once, then one per 1/rate
// seconds. Figures per run: wall time (publish → Succeeded), floor, floor / wall (target ≥ 0.9), the stand-in's
// 429s and refused oversize PUTs (must be 0).
internal static class OchanokoFigures
{
    private const int Products = 10_000;
    private const int ChunkSize = 800;
    private const double Rate = 1;
    private const int Burst = 1;

    private static readonly TestMigrations Template = new TestMigrations()
        .With(cs => new PosDbContext(TestMigrations.Options<PosDbContext>(cs, PosDbContext.Schema)));

    public static async Task RunAsync(LocalStack stack, Report report, int runs)
    {
        var endpoint = Environment.GetEnvironmentVariable("ExternalEc__Ochanoko__Endpoint") is { Length: > 0 } e ? e : "http://127.0.0.1:4580";
        using var admin = new HttpClient { BaseAddress = new Uri(endpoint.TrimEnd('/') + "/_admin/") };
        await using var queues = await TestQueues.CreateAsync(stack.Sqs, "bench-och", visibilityTimeoutSeconds: 120);
        await using var database = await TestDatabase.CreateAsync(stack, Template.Ids, Template.ApplyAsync);
        await SeedAsync(database.ConnectionString);
        var shop = $"bench-{Guid.NewGuid():N}"[..20];
        var token = $"tok-{Guid.NewGuid():N}";
        await PostAsync(admin, $"shops/{shop}", new { rate = Rate, burst = Burst, tokens = new[] { new { token } } });
        await PostAsync(admin, $"shops/{shop}/products", new { products = Enumerable.Range(1, Products).Select(n => new { id = $"och-{n}", stock = 0 }) });

        var environment = WorkerEnvironment.For(database, queues.QueueUrl);
        environment["ExternalEc__Ochanoko__Endpoint"] = endpoint;
        environment["ExternalEc__Ochanoko__ShopTokens"] = JsonSerializer.Serialize(new Dictionary<string, string> { ["S001"] = token });
        environment["ExternalEc__Sync__Enabled"] = "false";
        using var worker = WorkerProcess.Start("Workers.ExternalEc.dll", environment);
        await using var services = BenchPublisher.Create(database, "external-ec", queues.QueueUrl);
        await using var subscription = await services.GetRequiredService<TaskWatcher>().SubscribeAsync(CancellationToken.None);
        var publisher = services.GetRequiredService<ITaskPublisher>();

        // Warm-up: the worker's start and first JIT stay out of the figures.
        await RunTaskAsync(services, subscription, publisher, 1);
        var puts = (Products + ChunkSize - 1) / ChunkSize;
        var floor = Math.Max(0, puts - Burst) / Rate;
        for (var run = 1; run <= runs; run++)
        {
            await PostAsync(admin, $"shops/{shop}/limit", new { rate = Rate, burst = Burst });   // a full bucket, as after a quiet spell
            var before = await CountersAsync(admin, shop);
            var wall = await RunTaskAsync(services, subscription, publisher, Products);
            var after = await CountersAsync(admin, shop);
            var prefix = $"ochanokoUpdateStock run {run}, {Products:N0} products, {puts} PUTs of ≤ {ChunkSize}, bucket {Rate}/s burst {Burst}:";
            report.Value($"{prefix} wall (publish → Succeeded) / floor", string.Create(CultureInfo.InvariantCulture, $"{wall:0.00} / {floor:0.00}"), "s");
            report.Ratio($"{prefix} floor / wall", floor / wall, "target ≥ 0.9");
            report.Value($"{prefix} 429s / refused oversize PUTs / PUTs", $"{after["rateLimited"] - before["rateLimited"]} / {after["oversizeRefused"] - before["oversizeRefused"]} / {after["puts"] - before["puts"]}", "(refused must be 0)");
        }

        await worker.StopAsync();
    }

    private static async Task<double> RunTaskAsync(ServiceProvider services, TaskSubscription subscription, ITaskPublisher publisher, int products)
    {
        var body = new { storeCode = "S001", items = Enumerable.Range(1, products).Select(n => new { sku = $"SKU-{n}" }).ToArray() };
        // A task id of its own: the same body again would be dropped by SQS's content-based deduplication.
        var clock = Stopwatch.StartNew();
        var task = await publisher.PublishAsync("external-ec", TaskMessage.Create("ochanokoUpdateStock", body, "S001", Guid.NewGuid().ToString()));
        await services.WaitForSuccessAsync(subscription, task.TaskId);
        return clock.Elapsed.TotalSeconds;
    }

    // Store S001 and 10,000 linked items of one product each (Ochanoko product och-<n>, SKU-<n>) with stock.
    private static async Task SeedAsync(string connectionString)
    {
        await using var db = new PosDbContext(TestMigrations.Options<PosDbContext>(connectionString, PosDbContext.Schema));
        await db.Database.ExecuteSqlAsync(
            $$"""
            INSERT INTO pos.stores (code, name) VALUES ('S001', 'Bench store');
            INSERT INTO pos.categories (code, name, conditions) VALUES ('SINGLE', 'Single cards', '{}');
            INSERT INTO pos.items (code, name, category_id, sell_price, buy_price, ec_linked, ec_product_id, deleted, created_at, updated_at)
            SELECT 'I-' || n, 'Item ' || n, (SELECT id FROM pos.categories), 100, 50, true, 'och-' || n, false, now(), now()
            FROM generate_series(1, {{Products}}) n;
            INSERT INTO pos.products (sku, name, item_id) SELECT 'SKU-' || substr(i.code, 3), i.name, i.id FROM pos.items i;
            INSERT INTO pos.stock_levels (store_id, product_id, quantity, updated_at) SELECT s.id, p.id, p.id % 50, now() FROM pos.stores s CROSS JOIN pos.products p;
            """);
    }

    private static async Task PostAsync(HttpClient admin, string path, object body)
    {
        using var response = await admin.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<Dictionary<string, long>> CountersAsync(HttpClient admin, string shop) =>
        (await admin.GetFromJsonAsync<Dictionary<string, long>>($"shops/{shop}/counters"))!;
}
