using Workers.Domain.Ledger;
using Workers.Domain.Promotions;

namespace Workers.Scheduled.Bundles;

// What one bundle's status change does to stock: assembling takes the components and makes the bundles,
// dismantling turns what is left of the bundles back into components; an expired draft moves no stock.
internal static class BundlePlan
{
    // The changes as one group (applied whole or not at all), or a reason it cannot be planned.
    public static string? TryPlan(
        BundleItem bundle,
        PublicationStatus next,
        IReadOnlyList<BundleComponent> components,
        int bundlesInStock,
        out List<StockChange> changes)
    {
        changes = [];
        int count;
        if (bundle.Status == PublicationStatus.Draft && next == PublicationStatus.Published)
        {
            count = bundle.Quantity;
        }
        else if (bundle.Status == PublicationStatus.Published && next == PublicationStatus.Withdrawn)
        {
            // Only what was not sold: at most what was assembled, so stock the shop added by hand stays a bundle.
            count = -Math.Min(bundlesInStock, bundle.Quantity);
        }
        else
        {
            return null;
        }

        if (components.Count == 0)
        {
            return "the bundle has no components";
        }

        if (count == 0)
        {
            return null;
        }

        var reference = $"bundle {bundle.Id} {(count > 0 ? "assembled" : "dismantled")}";
        foreach (var component in components)
        {
            var units = -(long)count * component.Quantity;
            if (units is > int.MaxValue or < int.MinValue)
            {
                return $"{Math.Abs(count)} bundles of {component.Quantity} units of component product {component.ProductId} exceed a stock level's range";
            }

            changes.Add(StockChange.Add(bundle.StoreId, component.ProductId, (int)units, StockReasons.Bundle, reference));
        }

        changes.Add(StockChange.Add(bundle.StoreId, bundle.ProductId, count, StockReasons.Bundle, reference));
        return null;
    }
}
