using Npgsql;
using Workers.Domain.Ledger;

namespace Workers.Transaction.Stock;

// Applies groups of stock changes so that each applies whole or not at all, in order: a register sale is
// recorded with all of its lines or not at all, never with the lines that happened to fit. The ledger does the
// work in its one ordered lock pass (StockLedger.ApplyGroupsAsync): the levels are locked and read once, every
// group is tried in memory from them, and only the groups that fit (and that the admission rule admits) are
// written. No savepoint and no second call: a rejected group costs nothing but its reason.
internal sealed class WholeGroups(StockLedger ledger)
{
    // Returns, per group, null when it was applied, else why it was not. <alongside> gets which groups were
    // applied and returns the caller's statements to run in the ledger's write round trip.
    public async Task<string?[]> ApplyAsync(
        IReadOnlyList<StockGroup> groups,
        StockCause cause,
        IAdmission? admission,
        Func<IReadOnlyList<bool>, IEnumerable<NpgsqlBatchCommand>>? alongside,
        CancellationToken cancellationToken)
    {
        var outcomes = await ledger.ApplyGroupsAsync(
            [.. groups.Select(g => g.Changes)],
            cause,
            admission is null ? null : admission.Admit,
            alongside is null ? null : results => alongside([.. results.Select(r => r.Applied)]),
            cancellationToken);
        return [.. outcomes.Select((outcome, g) => Reason(groups[g], outcome))];
    }

    private static string? Reason(StockGroup group, StockGroupOutcome outcome)
    {
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        for (var i = 0; i < outcome.Changes.Count; i++)
        {
            var change = outcome.Changes[i];
            switch (change.Rejection)
            {
                case StockRejection.BelowZero:
                    return $"{group.Describe(i)} would take the stock from {change.QuantityBefore} to {change.QuantityRequested}; stock cannot go below 0, so nothing of it was applied";
                case StockRejection.TooLarge:
                    return $"{group.Describe(i)} would take the stock from {change.QuantityBefore} above {int.MaxValue}, so nothing of it was applied";
                default:
                    break;
            }
        }

        return null;
    }
}
