namespace Workers.Domain.EcOrders;

/// <summary>One product of an EC order (pos.ec_order_lines).</summary>
public sealed class EcOrderLine
{
    /// <summary>The line's id.</summary>
    public long Id { get; set; }

    /// <summary>The order.</summary>
    public long OrderId { get; set; }

    /// <summary>The line's position in the order, from 1; unique per order.</summary>
    public int LineNumber { get; set; }

    /// <summary>The product it was mapped to.</summary>
    public int ProductId { get; set; }

    /// <summary>The platform's product id, as ordered.</summary>
    public string? ExternalProductId { get; set; }

    /// <summary>How many, more than 0.</summary>
    public int Quantity { get; set; }

    /// <summary>The unit price paid, in yen.</summary>
    public int UnitPrice { get; set; }
}
