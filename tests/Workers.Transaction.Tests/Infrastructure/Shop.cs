using Microsoft.EntityFrameworkCore;
using Workers.Domain;
using Workers.Domain.Catalog;
using Workers.Domain.Promotions;
using Workers.Domain.Stock;
using Workers.Domain.Stores;

namespace Workers.Transaction.Tests.Infrastructure;

// Seeds stores, products, stock and sales straight into a test's database, and reads back what the tests check,
// by store code and SKU.
internal static class Shop
{
    public static async Task SeedAsync(
        PosDbContext db,
        IEnumerable<string> storeCodes,
        IEnumerable<string> skus,
        IReadOnlyDictionary<(string Store, string Sku), int> levels,
        CancellationToken cancellationToken)
    {
        var stores = storeCodes.Select(code => new Store { Code = code, Name = $"Store {code}" }).ToDictionary(s => s.Code);
        var products = skus.Select(sku => new Product { Sku = sku, Name = $"Product {sku}" }).ToDictionary(p => p.Sku);
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

    public static async Task<int> AddSaleAsync(PosDbContext db, string store, string code, SaleStatus status, int? limit, int soldCount, IReadOnlyDictionary<string, int> prices, CancellationToken cancellationToken)
    {
        var storeId = await db.Stores.Where(s => s.Code == store).Select(s => s.Id).SingleAsync(cancellationToken);
        var sale = new Sale { StoreId = storeId, Code = code, Name = code, Status = status, StartsAt = DateTimeOffset.UtcNow.AddDays(-1), QuantityLimit = limit, SoldCount = soldCount, UpdatedAt = DateTimeOffset.UtcNow };
        db.Sales.Add(sale);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (sku, price) in prices)
        {
            var productId = await db.Products.Where(p => p.Sku == sku).Select(p => p.Id).SingleAsync(cancellationToken);
            db.SaleProducts.Add(new SaleProduct { SaleId = sale.Id, ProductId = productId, Price = price });
        }

        await db.SaveChangesAsync(cancellationToken);
        return sale.Id;
    }

    public static async Task<Dictionary<(string Store, string Sku), int>> LevelsAsync(this PosDbContext db, CancellationToken cancellationToken)
    {
        var levels = await (from l in db.StockLevels
                            join s in db.Stores on l.StoreId equals s.Id
                            join p in db.Products on l.ProductId equals p.Id
                            select new { s.Code, p.Sku, l.Quantity }).ToListAsync(cancellationToken);
        return levels.ToDictionary(l => (l.Code, l.Sku), l => l.Quantity);
    }

    // The sum of every movement per level: the audit trail must add up to the level (from 0 for levels the
    // tests create through movements only).
    public static async Task<Dictionary<(string Store, string Sku), long>> MovementSumsAsync(this PosDbContext db, CancellationToken cancellationToken)
    {
        var sums = await (from m in db.StockMovements
                          join s in db.Stores on m.StoreId equals s.Id
                          join p in db.Products on m.ProductId equals p.Id
                          group m.Delta by new { s.Code, p.Sku } into g
                          select new { g.Key.Code, g.Key.Sku, Sum = g.Sum(d => (long)d) }).ToListAsync(cancellationToken);
        return sums.ToDictionary(s => (s.Code, s.Sku), s => s.Sum);
    }
}
