namespace Workers.Domain.Transactions;

/// <summary>
/// A register transaction (pos.transactions): a sale or a buy-back, with lines. Its code is unique per store, which
/// is what makes creating one idempotent; <see cref="ContentHash"/> tells a resend from another transaction that
/// reuses the code.
/// </summary>
public sealed class Transaction
{
    /// <summary>The transaction's id.</summary>
    public long Id { get; set; }

    /// <summary>The store it was made in.</summary>
    public int StoreId { get; set; }

    /// <summary>The register's code for it; unique per store.</summary>
    public required string Code { get; set; }

    /// <summary>A sale or a buy-back.</summary>
    public TransactionKind Kind { get; set; }

    /// <summary>Its state.</summary>
    public TransactionStatus Status { get; set; }

    /// <summary>The sum of the lines' totals, in yen.</summary>
    public long Total { get; set; }

    /// <summary>The discount on the whole transaction, in yen (lines carry their own).</summary>
    public long Discount { get; set; }

    /// <summary>How it was paid (<c>cash</c>, <c>card</c>, …), when known.</summary>
    public string? PaymentMethod { get; set; }

    /// <summary>A hash of the content it was created from: a resend with the same code and other content is rejected.</summary>
    public required string ContentHash { get; set; }

    /// <summary>For a return: the transaction it returns.</summary>
    public long? OriginalTransactionId { get; set; }

    /// <summary>The task that created it.</summary>
    public required string TaskId { get; set; }

    /// <summary>When it was made at the register.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was completed.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>When it was cancelled.</summary>
    public DateTimeOffset? CancelledAt { get; set; }
}
