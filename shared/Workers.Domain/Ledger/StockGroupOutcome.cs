namespace Workers.Domain.Ledger;

/// <summary>What the stock ledger did with one group of changes, applied whole or not at all.</summary>
/// <param name="Changes">
/// One outcome per change of the group, as it went (or, for a group not applied, as it would have gone: the change
/// that did not fit carries the rejection).
/// </param>
/// <param name="Refusal">Why the admission rule refused a group whose stock fitted; null otherwise.</param>
public sealed record StockGroupOutcome(IReadOnlyList<StockOutcome> Changes, string? Refusal)
{
    /// <summary>Whether every change of the group was applied.</summary>
    public bool Applied => Refusal is null && Changes.All(c => c.Applied);
}
