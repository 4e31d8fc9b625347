namespace Workers.Domain.Catalog;

/// <summary>
/// A sellable SKU (pos.products): an item in one condition. Stock is kept per store and product. Products moved
/// from the product worker's old schema have no item: they predate the catalogue.
/// </summary>
public sealed class Product
{
    /// <summary>The product's id.</summary>
    public int Id { get; set; }

    /// <summary>The SKU tasks name the product by; unique.</summary>
    public required string Sku { get; set; }

    /// <summary>The product's name (the item's name and its condition, for a catalogue product).</summary>
    public required string Name { get; set; }

    /// <summary>The item it is a condition of; null for products older than the catalogue.</summary>
    public int? ItemId { get; set; }

    /// <summary>The condition (one of the category's); null for products older than the catalogue.</summary>
    public string? Condition { get; set; }

    /// <summary>A selling price for this condition in yen, overriding the item's.</summary>
    public int? SellPrice { get; set; }

    /// <summary>A buy-back price for this condition in yen, overriding the item's.</summary>
    public int? BuyPrice { get; set; }
}
