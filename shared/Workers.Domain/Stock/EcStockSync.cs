namespace Workers.Domain.Stock;

/// <summary>
/// A pending push of a linked product's stock or price to the EC platform (pos.ec_stock_sync), one row per store
/// and product however many changes happened: many sales of one card within a moment become one item of one
/// <c>ochanokoUpdateStock</c> task. The stock ledger writes it with the change; the EC sync drains it.
/// </summary>
public sealed class EcStockSync
{
    /// <summary>The store (each store has its own EC shop).</summary>
    public int StoreId { get; set; }

    /// <summary>The product.</summary>
    public int ProductId { get; set; }

    /// <summary>The stock changed since the last push.</summary>
    public bool StockChanged { get; set; }

    /// <summary>The price changed since the last push.</summary>
    public bool PriceChanged { get; set; }

    /// <summary>When the latest change asked for a push.</summary>
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>
    /// When the first change since the last push asked for one: the sync waits for a product to be quiet before
    /// pushing it, but never longer than a bound counted from here, so one that keeps changing still goes out.
    /// </summary>
    public DateTimeOffset FirstRequestedAt { get; set; }
}
