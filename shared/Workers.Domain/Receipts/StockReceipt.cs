namespace Workers.Domain.Receipts;

/// <summary>
/// Stock received from one supplier (仕入れ, pos.stock_receipts): the header of its lines, with their totals. One
/// receipt per (task, supplier): a stockProduct task's chunks add their lines to it.
/// </summary>
public sealed class StockReceipt
{
    /// <summary>The receipt's id.</summary>
    public long Id { get; set; }

    /// <summary>The receiving store.</summary>
    public int StoreId { get; set; }

    /// <summary>The supplier.</summary>
    public int SupplierId { get; set; }

    /// <summary>The task that received it; unique with the supplier.</summary>
    public required string TaskId { get; set; }

    /// <summary>How many lines it has.</summary>
    public int LineCount { get; set; }

    /// <summary>The units received over all lines.</summary>
    public long TotalQuantity { get; set; }

    /// <summary>What they cost, in yen.</summary>
    public long TotalCost { get; set; }

    /// <summary>When it was received (its first chunk committed).</summary>
    public DateTimeOffset ReceivedAt { get; set; }
}
