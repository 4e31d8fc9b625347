namespace Workers.Domain.Stock;

/// <summary>
/// One change of a stock level, kept for audit (pos.stock_movements): which task changed it, why, by how much,
/// and what it became. Movements commit with the change and with the chunk's ledger row, so a retried task never
/// writes one twice.
/// </summary>
public sealed class StockMovement
{
    /// <summary>The movement's id, in the order movements were written.</summary>
    public long Id { get; set; }

    /// <summary>The store.</summary>
    public int StoreId { get; set; }

    /// <summary>The product.</summary>
    public int ProductId { get; set; }

    /// <summary>The change: positive for goods in, negative for goods out (0 only in rows moved from the old product schema).</summary>
    public int Delta { get; set; }

    /// <summary>The level after the change.</summary>
    public int QuantityAfter { get; set; }

    /// <summary>The task that made the change.</summary>
    public required string TaskId { get; set; }

    /// <summary>The task's type (<c>updateStock</c>, <c>createTransaction</c>, …).</summary>
    public required string TaskType { get; set; }

    /// <summary>Why the stock changed: one of <see cref="Ledger.StockReasons"/>.</summary>
    public required string Reason { get; set; }

    /// <summary>What caused it, for a person (<c>transaction S001/T-1</c>, <c>line 12</c>), when the caller says.</summary>
    public string? Reference { get; set; }

    /// <summary>When the change was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
