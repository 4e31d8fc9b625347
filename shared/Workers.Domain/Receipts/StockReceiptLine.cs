namespace Workers.Domain.Receipts;

/// <summary>One product received on a stock receipt (pos.stock_receipt_lines).</summary>
public sealed class StockReceiptLine
{
    /// <summary>The line's id.</summary>
    public long Id { get; set; }

    /// <summary>The receipt.</summary>
    public long ReceiptId { get; set; }

    /// <summary>The line's item number in the task that received it; unique per receipt.</summary>
    public long LineNumber { get; set; }

    /// <summary>The product.</summary>
    public int ProductId { get; set; }

    /// <summary>Units received, more than 0.</summary>
    public int Quantity { get; set; }

    /// <summary>The cost of one unit, in yen.</summary>
    public int UnitCost { get; set; }

    /// <summary>Quantity × unit cost, in yen.</summary>
    public long Total { get; set; }
}
