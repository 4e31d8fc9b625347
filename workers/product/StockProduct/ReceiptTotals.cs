namespace Workers.Product.StockProduct;

// What one chunk adds to one supplier's receipt.
internal sealed class ReceiptTotals
{
    public int Lines { get; set; }

    public long Quantity { get; set; }

    public long Cost { get; set; }
}
