namespace Workers.Domain.EcOrders;

/// <summary>How an EC order is paid.</summary>
public enum EcPaymentMethod
{
    /// <summary>Credit card (3-D Secure: a deadline of minutes).</summary>
    Card,

    /// <summary>Paid at a convenience store: a deadline of days.</summary>
    Konbini,

    /// <summary>Bank transfer: a deadline of days.</summary>
    BankTransfer,
}
