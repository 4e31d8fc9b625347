using Workers.Domain;
using Workers.Domain.Ledger;

namespace Workers.Transaction.Stock;

// Applies groups of stock changes through the ledger so that each group applies whole or not at all, in order:
// a register sale is recorded with all of its lines or not at all, never with the lines that happened to fit.
//
// The ledger applies changes one by one (a short one is rejected, the rest still apply), and must be called
// once per transaction with every change, so that its row locks are taken in one ordered pass. So the chunk's
// changes go to the ledger in one call inside a savepoint. When every group fitted (the usual case), that is
// all. Otherwise the levels before the call (each key's first QuantityBefore) decide, in memory and in order,
// which groups fit whole; the savepoint is rolled back, which also releases the level locks taken after it
// (PostgreSQL releases row locks of a rolled-back subtransaction), and the ledger is called again, in one
// ordered pass, with the groups that fit. A concurrent change between the two calls can only make that call
// reject again; every round rejects at least one group (the first one the ledger rejected a change of, given
// that the groups before it applied whole), so the loop ends.
internal sealed class WholeGroups(PosDbContext db, StockLedger ledger)
{
    private const string Savepoint = "whole_groups";

    // Returns, per group, null when it was applied, else why it was not.
    public async Task<string?[]> ApplyAsync(
        IReadOnlyList<StockGroup> groups,
        StockCause cause,
        IAdmission? admission,
        CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Stock groups apply inside the chunk's transaction; none is open.");
        var reasons = new string?[groups.Count];
        var candidates = Enumerable.Range(0, groups.Count).ToList();
        while (candidates.Count > 0)
        {
            await transaction.CreateSavepointAsync(Savepoint, cancellationToken);
            var changes = candidates.SelectMany(g => groups[g].Changes).ToList();
            var outcomes = await ledger.ApplyAsync(changes, cause, cancellationToken);
            var rejected = Decide(groups, candidates, outcomes, admission);
            if (rejected.Count == 0)
            {
                await transaction.ReleaseSavepointAsync(Savepoint, cancellationToken);
                return reasons;
            }

            await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken);
            foreach (var (group, reason) in rejected)
            {
                reasons[group] = reason;
            }

            candidates = [.. candidates.Where(g => reasons[g] is null)];
        }

        return reasons;
    }

    // Replays the candidates in order from the levels the ledger found, each whole or not at all.
    private static Dictionary<int, string> Decide(
        IReadOnlyList<StockGroup> groups,
        List<int> candidates,
        IReadOnlyList<StockOutcome> outcomes,
        IAdmission? admission)
    {
        var levels = new Dictionary<(int, int), long>();
        foreach (var outcome in outcomes)
        {
            levels.TryAdd((outcome.Change.StoreId, outcome.Change.ProductId), outcome.QuantityBefore);
        }

        admission?.Reset();
        var rejected = new Dictionary<int, string>();
        foreach (var group in candidates)
        {
            var reason = Fit(groups[group], levels, out var after) ?? admission?.Admit(group);
            if (reason is null)
            {
                foreach (var (key, quantity) in after)
                {
                    levels[key] = quantity;
                }
            }
            else
            {
                rejected[group] = reason;
            }
        }

        return rejected;
    }

    private static string? Fit(StockGroup group, Dictionary<(int, int), long> levels, out Dictionary<(int, int), long> after)
    {
        after = [];
        for (var i = 0; i < group.Changes.Count; i++)
        {
            var change = group.Changes[i];
            var key = (change.StoreId, change.ProductId);
            var before = after.TryGetValue(key, out var tentative) ? tentative : levels[key];
            var requested = change.Kind == StockChangeKind.Count ? change.Quantity : before + change.Quantity;
            if (requested < 0)
            {
                return $"{group.Describe(i)} would take the stock from {before} to {requested}; stock cannot go below 0, so nothing of it was applied";
            }

            if (requested > int.MaxValue)
            {
                return $"{group.Describe(i)} would take the stock from {before} above {int.MaxValue}, so nothing of it was applied";
            }

            after[key] = requested;
        }

        return null;
    }
}
