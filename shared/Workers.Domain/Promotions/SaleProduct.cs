namespace Workers.Domain.Promotions;

/// <summary>A product on sale and its sale price (pos.sale_products).</summary>
public sealed class SaleProduct
{
    /// <summary>The sale.</summary>
    public int SaleId { get; set; }

    /// <summary>The product.</summary>
    public int ProductId { get; set; }

    /// <summary>The price while the sale is on, in yen.</summary>
    public int Price { get; set; }
}
