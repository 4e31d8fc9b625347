namespace Workers.Product.Data;

// How many of a product a store holds (product.stock_levels); one row per store and product.
internal sealed class StockLevel
{
    public int StoreId { get; set; }

    public int ProductId { get; set; }

    public int Quantity { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
