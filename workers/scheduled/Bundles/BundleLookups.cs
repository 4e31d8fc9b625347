using Microsoft.EntityFrameworkCore;
using Workers.Domain;
using Workers.Domain.Promotions;

namespace Workers.Scheduled.Bundles;

// What a chunk's moving bundles need besides their rows: their components, the SKUs to name products by, and
// how many bundles are in stock (read, not locked: the ledger locks the levels; a level that drops before it
// does makes the dismantling fall short, and the next occurrence tries again).
internal sealed class BundleLookups
{
    private ILookup<int, BundleComponent> _components = null!;
    private Dictionary<int, string> _skus = null!;
    private Dictionary<(int, int), int> _levels = null!;

    public static async Task<BundleLookups> LoadAsync(PosDbContext db, IReadOnlyList<BundleItem> bundles, CancellationToken cancellationToken)
    {
        var bundleIds = bundles.Select(b => b.Id).ToArray();
        var components = await db.BundleComponents.AsNoTracking()
            .Where(c => bundleIds.Contains(c.BundleItemId))
            .OrderBy(c => c.BundleItemId).ThenBy(c => c.ProductId)
            .ToListAsync(cancellationToken);
        var productIds = bundles.Select(b => b.ProductId).Concat(components.Select(c => c.ProductId)).Distinct().ToArray();
        var bundleProducts = bundles.Select(b => b.ProductId).Distinct().ToArray();
        var levels = await db.StockLevels.AsNoTracking()
            .Where(l => bundleProducts.Contains(l.ProductId))
            .Select(l => new { l.StoreId, l.ProductId, l.Quantity })
            .ToListAsync(cancellationToken);
        return new BundleLookups
        {
            _components = components.ToLookup(c => c.BundleItemId),
            _skus = await db.Products.Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Sku, cancellationToken),
            _levels = levels.ToDictionary(l => (l.StoreId, l.ProductId), l => l.Quantity),
        };
    }

    public IReadOnlyList<BundleComponent> Components(int bundleId) => [.. _components[bundleId]];

    public int BundlesInStock(BundleItem bundle) => _levels.GetValueOrDefault((bundle.StoreId, bundle.ProductId));

    public string Sku(int productId) => _skus.GetValueOrDefault(productId, $"product {productId}");

    public string Describe(BundleItem bundle) => $"{Sku(bundle.ProductId)} (store id {bundle.StoreId})";
}
