namespace Workers.Product.Data;

// One change of a stock level, kept for audit (product.stock_movements): which task changed it, by how much,
// and what it became. A retried task never writes a movement twice: movements commit with the chunk's ledger row.
internal sealed class StockMovement
{
    public long Id { get; set; }

    public int StoreId { get; set; }

    public int ProductId { get; set; }

    public required string TaskId { get; set; }

    public int Delta { get; set; }

    public int QuantityAfter { get; set; }

    public required string SourceTaskType { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
