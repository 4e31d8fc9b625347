namespace Workers.Domain.Promotions;

/// <summary>Where a sale is in its window.</summary>
public enum SaleStatus
{
    /// <summary>Not on yet (or between two repeats).</summary>
    NotHeld,

    /// <summary>On: its prices apply at the register.</summary>
    OnHeld,

    /// <summary>Over for good.</summary>
    Finished,
}
