using Microsoft.EntityFrameworkCore;
using Workers.Domain;
using Workers.Domain.Catalog;

namespace Workers.Item.CreateItem;

// What one chunk's checks need, read in four queries before any item is looked at: the item codes and SKUs that
// already exist, the categories and the stores the chunk names. Items created earlier in the same chunk count
// as existing, so a code twice in one chunk is created once, as it would be across chunks.
internal sealed class CatalogLookups
{
    private readonly HashSet<string> _itemCodes;
    private readonly HashSet<string> _skus;
    private readonly Dictionary<string, Category> _categories;
    private readonly HashSet<string> _stores;

    private CatalogLookups(HashSet<string> itemCodes, HashSet<string> skus, Dictionary<string, Category> categories, HashSet<string> stores)
    {
        _itemCodes = itemCodes;
        _skus = skus;
        _categories = categories;
        _stores = stores;
    }

    public static async Task<CatalogLookups> LoadAsync(PosDbContext db, IReadOnlyList<NewItem> items, CancellationToken cancellationToken)
    {
        var codes = items.Select(i => i.Code).Distinct().ToList();
        var categoryCodes = items.Select(i => i.CategoryCode).Distinct().ToList();
        var storeCodes = items.SelectMany(i => i.InitialStock ?? []).Select(s => s.StoreCode).Distinct().ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => categoryCodes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, cancellationToken);

        // Every SKU the chunk could create: its items' codes with each of their categories' conditions.
        var skus = items
            .SelectMany(i => categories.TryGetValue(i.CategoryCode, out var c) ? Conditions.Of(c).Select(condition => Conditions.Sku(i.Code, condition)) : [])
            .Distinct()
            .ToList();
        return new CatalogLookups(
            (await db.Items.AsNoTracking().Where(i => codes.Contains(i.Code)).Select(i => i.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal),
            (await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku)).Select(p => p.Sku).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal),
            categories,
            (await db.Stores.AsNoTracking().Where(s => storeCodes.Contains(s.Code)).Select(s => s.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal));
    }

    // Why the item must not be created, or null (and its category) when it may be.
    public string? Check(NewItem item, out Category? category)
    {
        category = null;
        if (_itemCodes.Contains(item.Code))
        {
            // Not an error: a catalogue import sent twice, or an item another task created first.
            return $"skipped: item '{item.Code}' already exists";
        }

        if (!_categories.TryGetValue(item.CategoryCode, out category))
        {
            return $"unknown category '{item.CategoryCode}'";
        }

        var conditions = Conditions.Of(category);
        var priced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var price in item.ConditionPrices ?? [])
        {
            if (!conditions.Contains(price.Condition, StringComparer.Ordinal))
            {
                return $"condition price for '{price.Condition}', which category '{category.Code}' does not have ({string.Join(", ", conditions)})";
            }

            if (!priced.Add(price.Condition))
            {
                return $"two condition prices for '{price.Condition}'";
            }
        }

        foreach (var stock in item.InitialStock ?? [])
        {
            if (!_stores.Contains(stock.StoreCode))
            {
                return $"initial stock for unknown store '{stock.StoreCode}'";
            }

            if (stock.Condition is not null && !conditions.Contains(stock.Condition, StringComparer.Ordinal))
            {
                return $"initial stock in condition '{stock.Condition}', which category '{category.Code}' does not have ({string.Join(", ", conditions)})";
            }
        }

        foreach (var sku in conditions.Select(c => Conditions.Sku(item.Code, c)))
        {
            if (sku.Length > PosDbContext.CodeLength)
            {
                return $"SKU '{sku}' would be longer than {PosDbContext.CodeLength} characters; shorten the item code";
            }

            if (_skus.Contains(sku))
            {
                return $"SKU '{sku}' already belongs to another product";
            }
        }

        return null;
    }

    public void Created(NewItem item, IReadOnlyList<string> conditions)
    {
        _itemCodes.Add(item.Code);
        foreach (var condition in conditions)
        {
            _skus.Add(Conditions.Sku(item.Code, condition));
        }
    }
}
