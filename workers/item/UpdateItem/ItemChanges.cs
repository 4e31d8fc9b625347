namespace Workers.Item.UpdateItem;

// Applies one partial update to a tracked item and says what changed that the EC platform must hear about.
internal static class ItemChanges
{
    // Null when the update is contradictory (a field both set and cleared); then nothing is changed.
    public static EcChange? Apply(Domain.Catalog.Item item, ItemUpdate update, DateTimeOffset now, out string? problem)
    {
        var clear = update.Clear ?? [];
        problem = (clear.Contains(ClearableField.Genre) && update.Genre is not null) ? "genre is both set and cleared"
            : (clear.Contains(ClearableField.MycaItemId) && update.MycaItemId is not null) ? "mycaItemId is both set and cleared"
            : (clear.Contains(ClearableField.EcProductId) && update.EcProductId is not null) ? "ecProductId is both set and cleared"
            : null;
        if (problem is not null)
        {
            return null;
        }

        var wasLinked = item.EcLinked;
        var oldSellPrice = item.SellPrice;
        var changed = false;
        changed |= Set(item.Name, update.Name, v => item.Name = v);
        changed |= Set(item.SellPrice, update.SellPrice, v => item.SellPrice = v);
        changed |= Set(item.BuyPrice, update.BuyPrice, v => item.BuyPrice = v);

        var genre = clear.Contains(ClearableField.Genre) ? null : update.Genre ?? item.Genre;
        if (genre != item.Genre)
        {
            item.Genre = genre;
            changed = true;
        }

        var myca = clear.Contains(ClearableField.MycaItemId) ? null : update.MycaItemId ?? item.MycaItemId;
        if (myca != item.MycaItemId)
        {
            // The stored market price (and its time) belonged to the old link: a price of the new one must not be
            // judged "older" than it.
            item.MycaItemId = myca;
            item.MycaPrice = null;
            item.MycaPriceAt = null;
            changed = true;
        }

        var ec = clear.Contains(ClearableField.EcProductId) ? null : update.EcProductId ?? item.EcProductId;
        if (ec != item.EcProductId)
        {
            item.EcProductId = ec;
            item.EcLinked = ec is not null;
            changed = true;
        }

        if (update.Deleted == true)
        {
            item.Deleted = true;
            changed = true;
        }

        if (changed)
        {
            item.UpdatedAt = now;
        }

        return !item.EcLinked || item.Deleted ? EcChange.None
            : !wasLinked ? EcChange.Linked
            : item.SellPrice != oldSellPrice ? EcChange.Price
            : EcChange.None;
    }

    private static bool Set(string current, string? value, Action<string> set)
    {
        if (value is null || value == current)
        {
            return false;
        }

        set(value);
        return true;
    }

    private static bool Set(int current, int? value, Action<int> set)
    {
        if (value is not { } v || v == current)
        {
            return false;
        }

        set(v);
        return true;
    }
}
