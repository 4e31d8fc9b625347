using Microsoft.EntityFrameworkCore;
using Workers.Domain;
using Workers.Domain.Stock;

namespace Workers.Product.Tests.Infrastructure;

// What the tests read back from the product schema, by store code and SKU.
internal static class StockQueries
{
    public static async Task<Dictionary<(string Store, string Sku), int>> LevelsAsync(this PosDbContext db, CancellationToken cancellationToken)
    {
        var levels = await (from l in db.StockLevels
                            join s in db.Stores on l.StoreId equals s.Id
                            join p in db.Products on l.ProductId equals p.Id
                            select new { s.Code, p.Sku, l.Quantity }).ToListAsync(cancellationToken);
        return levels.ToDictionary(l => (l.Code, l.Sku), l => l.Quantity);
    }

    public static async Task<List<(string Store, string Sku, StockMovement Movement)>> MovementsAsync(this PosDbContext db, CancellationToken cancellationToken)
    {
        var movements = await (from m in db.StockMovements
                               join s in db.Stores on m.StoreId equals s.Id
                               join p in db.Products on m.ProductId equals p.Id
                               orderby m.Id
                               select new { s.Code, p.Sku, Movement = m }).ToListAsync(cancellationToken);
        return [.. movements.Select(m => (m.Code, m.Sku, m.Movement))];
    }
}
