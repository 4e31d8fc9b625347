namespace Workers.Domain.Transactions;

/// <summary>What a register transaction is.</summary>
public enum TransactionKind
{
    /// <summary>A sale to a customer: takes stock.</summary>
    Sell,

    /// <summary>A buy-back from a customer (買取): adds stock.</summary>
    Buy,
}
