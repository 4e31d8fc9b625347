namespace Workers.Domain.Catalog;

/// <summary>
/// A catalogue entry (pos.items): what a card or good is, independent of its condition. The catalogue is the
/// chain's, not a store's: the same card is the same item in every shop, Myca prices it once, and tasks have
/// always named products by a SKU alone (see the README).
/// </summary>
public sealed class Item
{
    /// <summary>The item's id.</summary>
    public int Id { get; set; }

    /// <summary>The code tasks name the item by; unique.</summary>
    public required string Code { get; set; }

    /// <summary>The item's name.</summary>
    public required string Name { get; set; }

    /// <summary>Its category (which conditions it comes in).</summary>
    public int CategoryId { get; set; }

    /// <summary>The genre (game or product line), free text.</summary>
    public string? Genre { get; set; }

    /// <summary>The shop's selling price in yen (whole yen: the currency has no minor unit).</summary>
    public int SellPrice { get; set; }

    /// <summary>The price the shop pays when buying one back from a customer, in yen.</summary>
    public int BuyPrice { get; set; }

    /// <summary>The item's id in Myca, the market-price service, when it is linked.</summary>
    public long? MycaItemId { get; set; }

    /// <summary>Myca's latest market price in yen.</summary>
    public int? MycaPrice { get; set; }

    /// <summary>When Myca priced it: an update older than this is ignored (updates may arrive out of order).</summary>
    public DateTimeOffset? MycaPriceAt { get; set; }

    /// <summary>Whether the item is sold on the EC platform (Ochanoko): its stock and price changes are synced.</summary>
    public bool EcLinked { get; set; }

    /// <summary>The item's product id on the EC platform, when linked.</summary>
    public string? EcProductId { get; set; }

    /// <summary>Deleted items stay for history (transactions name them) but take no new changes.</summary>
    public bool Deleted { get; set; }

    /// <summary>When the item was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the item last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
