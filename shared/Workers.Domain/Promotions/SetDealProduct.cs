namespace Workers.Domain.Promotions;

/// <summary>A product of a set deal and how many of it the set needs (pos.set_deal_products).</summary>
public sealed class SetDealProduct
{
    /// <summary>The deal.</summary>
    public int SetDealId { get; set; }

    /// <summary>The product.</summary>
    public int ProductId { get; set; }

    /// <summary>How many the set needs, more than 0.</summary>
    public int Quantity { get; set; }
}
