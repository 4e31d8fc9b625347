using Workers.Domain;
using Workers.Domain.Stock;
using Workers.Domain.Stores;

namespace Workers.Product.Tests.Infrastructure;

// Seeds stores, products and stock levels straight into a test's database.
internal static class Catalog
{
    public static async Task SeedAsync(
        PosDbContext db,
        IEnumerable<string> storeCodes,
        IEnumerable<string> skus,
        IReadOnlyDictionary<(string Store, string Sku), int> levels,
        CancellationToken cancellationToken)
    {
        var stores = storeCodes.Select(code => new Store { Code = code, Name = $"Store {code}" }).ToDictionary(s => s.Code);
        var products = skus.Select(sku => new Domain.Catalog.Product { Sku = sku, Name = $"Product {sku}" }).ToDictionary(p => p.Sku);
        db.Stores.AddRange(stores.Values);
        db.Products.AddRange(products.Values);
        await db.SaveChangesAsync(cancellationToken);

        db.StockLevels.AddRange(levels.Select(level => new StockLevel
        {
            StoreId = stores[level.Key.Store].Id,
            ProductId = products[level.Key.Sku].Id,
            Quantity = level.Value,
            UpdatedAt = DateTimeOffset.UtcNow,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
