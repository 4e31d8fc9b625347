namespace Workers.Domain.Ledger;

/// <summary>Why the stock ledger did not apply a change.</summary>
public enum StockRejection
{
    /// <summary>It would take the level below zero. Never clamped: the change is not applied at all.</summary>
    BelowZero,

    /// <summary>It would take the level above <see cref="int.MaxValue"/>.</summary>
    TooLarge,
}
