namespace Workers.Domain.EcOrders;

/// <summary>Where an EC order is.</summary>
public enum EcOrderStatus
{
    /// <summary>Placed, stock taken, payment not received (konbini or bank transfer before its deadline, card during 3-D Secure).</summary>
    Unpaid,

    /// <summary>Paid, waiting to ship.</summary>
    Paid,

    /// <summary>Shipped: done.</summary>
    Completed,

    /// <summary>Cancelled (e.g. its payment deadline passed); its stock was restored.</summary>
    Cancelled,
}
