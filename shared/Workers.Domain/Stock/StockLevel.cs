namespace Workers.Domain.Stock;

/// <summary>
/// How many of a product a store holds (pos.stock_levels), one row per store and product, never below zero.
/// Written only by <see cref="Ledger.StockLedger"/>.
/// </summary>
public sealed class StockLevel
{
    /// <summary>The store.</summary>
    public int StoreId { get; set; }

    /// <summary>The product.</summary>
    public int ProductId { get; set; }

    /// <summary>The quantity on hand, 0 or more.</summary>
    public int Quantity { get; set; }

    /// <summary>When the level last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
