namespace Workers.Domain.Transactions;

/// <summary>Where a transaction is in its life.</summary>
public enum TransactionStatus
{
    /// <summary>Recorded, payment not settled yet (a held transaction at the register).</summary>
    Pending,

    /// <summary>Paid and done; its stock change stands.</summary>
    Completed,

    /// <summary>Cancelled; its stock change was reversed.</summary>
    Cancelled,

    /// <summary>Returned after completion; a return transaction (see <see cref="Transaction.OriginalTransactionId"/>) carries the reversal.</summary>
    Returned,
}
