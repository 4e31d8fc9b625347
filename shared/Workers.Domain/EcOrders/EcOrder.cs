namespace Workers.Domain.EcOrders;

/// <summary>
/// An order placed on an EC platform (pos.ec_orders), with its payment. Unique per (platform, external order
/// id), which makes importing one idempotent. Its stock was taken when it was created.
/// </summary>
public sealed class EcOrder
{
    /// <summary>The order's id.</summary>
    public long Id { get; set; }

    /// <summary>The store whose EC shop took it.</summary>
    public int StoreId { get; set; }

    /// <summary>The platform, e.g. <c>ochanoko</c>.</summary>
    public required string Platform { get; set; }

    /// <summary>The platform's order id; unique per platform.</summary>
    public required string ExternalOrderId { get; set; }

    /// <summary>Unpaid → Paid → Completed, or Cancelled.</summary>
    public EcOrderStatus Status { get; set; }

    /// <summary>How it is paid.</summary>
    public EcPaymentMethod PaymentMethod { get; set; }

    /// <summary>The payment provider's reference, to cancel or look up the payment.</summary>
    public string? PaymentReference { get; set; }

    /// <summary>When an unpaid order is cancelled (paymentTimeout); null once paid.</summary>
    public DateTimeOffset? PaymentDeadline { get; set; }

    /// <summary>The order's total, in yen.</summary>
    public long Total { get; set; }

    /// <summary>The customer's e-mail address, for notices.</summary>
    public string? CustomerEmail { get; set; }

    /// <summary>The task that imported it.</summary>
    public required string TaskId { get; set; }

    /// <summary>When it was placed.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was paid.</summary>
    public DateTimeOffset? PaidAt { get; set; }

    /// <summary>When it shipped.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>When it was cancelled.</summary>
    public DateTimeOffset? CancelledAt { get; set; }
}
