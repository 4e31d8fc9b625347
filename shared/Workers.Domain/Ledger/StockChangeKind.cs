namespace Workers.Domain.Ledger;

/// <summary>How a <see cref="StockChange"/> reads its quantity.</summary>
public enum StockChangeKind
{
    /// <summary>Add the quantity (negative to take).</summary>
    Delta,

    /// <summary>Set the level to the quantity: a stock count.</summary>
    Count,
}
