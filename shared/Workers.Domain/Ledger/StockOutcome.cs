namespace Workers.Domain.Ledger;

/// <summary>What the stock ledger did with one change, in the order the changes were given.</summary>
/// <param name="Change">The change.</param>
/// <param name="QuantityBefore">The level just before this change (after the earlier changes of the same call).</param>
/// <param name="QuantityRequested">The level the change asked for (may be negative or too large when rejected).</param>
/// <param name="Rejection">Why it was not applied; null when it was.</param>
public sealed record StockOutcome(StockChange Change, int QuantityBefore, long QuantityRequested, StockRejection? Rejection)
{
    /// <summary>Whether the change was applied.</summary>
    public bool Applied => Rejection is null;

    /// <summary>The level after this change: the requested level if applied, else unchanged.</summary>
    public int QuantityAfter => Applied ? (int)QuantityRequested : QuantityBefore;

    /// <summary>A reason for a person, without the item's name (the caller knows how to name it).</summary>
    public string? RejectionReason => Rejection switch
    {
        StockRejection.BelowZero => $"would take the stock from {QuantityBefore} to {QuantityRequested}; stock cannot go below 0, so it was not applied",
        StockRejection.TooLarge => $"would take the stock from {QuantityBefore} above {int.MaxValue}, so it was not applied",
        _ => null,
    };
}
