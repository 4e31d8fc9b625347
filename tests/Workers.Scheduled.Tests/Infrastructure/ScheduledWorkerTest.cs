using Microsoft.EntityFrameworkCore;
using Workers.Domain;
using Workers.Domain.Catalog;
using Workers.Domain.Stock;
using Workers.Domain.Stores;
using Workers.TaskManager.Persistence;
using Workers.Testing;

namespace Workers.Scheduled.Tests.Infrastructure;

// Base of the scheduled worker's tests: the shared part (own queue and database, the real worker as a child
// process, publishing and following tasks) is WorkerProcessTest's. Here: the pos data (two stores, products,
// stock) and running one task to its end. Windows and dates are set relative to the real clock, so no test waits
// for time to pass except the one that is about time passing.
public abstract class ScheduledWorkerTest() : WorkerProcessTest("scheduled", "Workers.Scheduled")
{
    // The template database: the TaskManager's migrations, then the pos schema's, as `migrate` applies them.
    private static readonly TestMigrations Template = new TestMigrations().With(Pos);

    protected static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    protected override TestMigrations Migrations => Template;

    protected Dictionary<string, int> Stores { get; } = [];

    protected Dictionary<string, int> Products { get; } = [];

    // The shops' date now, as the worker computes it.
    protected static DateOnly TokyoToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Tokyo).DateTime);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = PosDb();
        var stores = new[] { "S001", "S002" }.Select(code => new Store { Code = code, Name = $"Store {code}" }).ToList();
        var products = new[] { "BUNDLE", "BUNDLE2", "A", "B" }.Select(sku => new Product { Sku = sku, Name = $"Product {sku}" }).ToList();
        db.Stores.AddRange(stores);
        db.Products.AddRange(products);
        await db.SaveChangesAsync(Cancellation);
        foreach (var store in stores)
        {
            Stores[store.Code] = store.Id;
        }

        foreach (var product in products)
        {
            Products[product.Sku] = product.Id;
        }
    }

    private protected PosDbContext PosDb() => Pos(Database.ConnectionString);

    // Publishes <taskType> with <body> (new task id unless given) and waits until it has finished.
    private protected async Task<TaskProgress> RunAsync(string taskType, ScheduledBody? body = null, string? taskId = null) =>
        await WaitUntilFinishedAsync(await PublishAsync(taskType, body ?? new ScheduledBody(), taskId: taskId ?? Guid.NewGuid().ToString("N")));

    protected async Task SetLevelsAsync(string store, params (string Sku, int Quantity)[] levels)
    {
        await using var db = PosDb();
        db.StockLevels.AddRange(levels.Select(l => new StockLevel
        {
            StoreId = Stores[store],
            ProductId = Products[l.Sku],
            Quantity = l.Quantity,
            UpdatedAt = DateTimeOffset.UtcNow,
        }));
        await db.SaveChangesAsync(Cancellation);
    }

    protected async Task<Dictionary<string, int>> LevelsAsync(string store)
    {
        await using var db = PosDb();
        var skus = Products.ToDictionary(p => p.Value, p => p.Key);
        var storeId = Stores[store];
        return await db.StockLevels.AsNoTracking()
            .Where(l => l.StoreId == storeId)
            .ToDictionaryAsync(l => skus[l.ProductId], l => l.Quantity, Cancellation);
    }

    private static PosDbContext Pos(string connectionString) =>
        new(TestMigrations.Options<PosDbContext>(connectionString, PosDbContext.Schema));
}
