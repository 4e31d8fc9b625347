namespace Workers.Domain.Ledger;

/// <summary>The reasons a stock movement records (pos.stock_movements.reason).</summary>
public static class StockReasons
{
    /// <summary>A manual delta (updateStock).</summary>
    public const string Adjustment = "adjustment";

    /// <summary>A stock count that set the level (csvStock).</summary>
    public const string Count = "count";

    /// <summary>Goods received from a supplier (stockProduct).</summary>
    public const string Receipt = "receipt";

    /// <summary>A register sale.</summary>
    public const string Sale = "sale";

    /// <summary>A buy-back from a customer.</summary>
    public const string BuyBack = "buy";

    /// <summary>A cancelled or returned transaction or order, putting stock back (or taking it back for a buy).</summary>
    public const string Reversal = "reversal";

    /// <summary>An EC order.</summary>
    public const string EcOrder = "ec-order";

    /// <summary>A bundle assembled from, or dismantled into, its components.</summary>
    public const string Bundle = "bundle";
}
