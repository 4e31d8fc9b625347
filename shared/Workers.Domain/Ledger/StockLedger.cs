using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Workers.Domain.Ledger;

/// <summary>
/// The one code path for every stock change in the fleet. <see cref="ApplyAsync"/> applies a list of changes
/// inside the caller's transaction (the DbContext's current one, e.g. a chunk's), so the changes, their
/// movements and the pending EC syncs commit or roll back with whatever caused them.
/// </summary>
/// <remarks>
/// Rules: the levels are locked in one pass in (store_id, product_id) order before they are read, so concurrent
/// callers never deadlock on them and never lose a unit; changes then apply in the order given (two changes of one
/// product see each other); a change that would take a level below zero (or above <see cref="int.MaxValue"/>) is
/// rejected, never clamped, and the others still apply (<see cref="ApplyGroupsAsync"/>: the other groups); every
/// applied change that moves a level writes one movement. Call it once per transaction with all of its changes: a second call locks a second batch of rows,
/// which may be out of order with another transaction's.
/// </remarks>
public sealed class StockLedger(PosDbContext db, TimeProvider time)
{
    /// <summary>
    /// Applies <paramref name="changes"/> and returns one outcome per change, in the same order. The ids must
    /// exist. Throws when no transaction is open on the context: stock must never change outside one.
    /// </summary>
    public async Task<IReadOnlyList<StockOutcome>> ApplyAsync(
        IReadOnlyList<StockChange> changes,
        StockCause cause,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return [];
        }

        var groups = await ApplyGroupsAsync([.. changes.Select(c => (IReadOnlyList<StockChange>)[c])], cause, null, null, cancellationToken);
        return [.. groups.Select(g => g.Changes[0])];
    }

    /// <summary>
    /// Applies each of <paramref name="groups"/> whole or not at all, in order, with one lock pass and one write
    /// round trip for all of them: a group with a change that would take a level below zero (or above
    /// <see cref="int.MaxValue"/>) applies none of its changes, the next groups still apply. The ids must exist;
    /// a transaction must be open on the context.
    /// </summary>
    /// <param name="groups">The groups, each a list of changes applied in order (they see each other).</param>
    /// <param name="cause">What is changing stock.</param>
    /// <param name="admit">
    /// Optional: called, in order, for each group whose stock fits; a reason refuses the group (a rule besides
    /// stock, such as a sale's limit), null admits it.
    /// </param>
    /// <param name="alongside">
    /// Optional: statements of the caller's to run in the same round trip as the ledger's writes, given the
    /// outcomes (rows that record what was applied): the level locks are then held one round trip less.
    /// </param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    public async Task<IReadOnlyList<StockGroupOutcome>> ApplyGroupsAsync(
        IReadOnlyList<IReadOnlyList<StockChange>> groups,
        StockCause cause,
        Func<int, string?>? admit,
        Func<IReadOnlyList<StockGroupOutcome>, IEnumerable<NpgsqlBatchCommand>>? alongside,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(cause);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("The stock ledger applies changes inside the caller's transaction; none is open on this DbContext.");
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        var now = time.GetUtcNow();

        var changes = groups.SelectMany(g => g).ToList();
        var levels = changes.Count == 0 ? [] : await LockAsync(connection, npgsqlTransaction, changes, now, cancellationToken);
        var writes = new StockLedgerWrites();
        var results = new StockGroupOutcome[groups.Count];
        var tentative = new Dictionary<(int, int), int>();
        for (var g = 0; g < groups.Count; g++)
        {
            var outcomes = Try(groups[g], levels, tentative);
            var refusal = admit is not null && outcomes.All(o => o.Applied) ? admit(g) : null;
            results[g] = new StockGroupOutcome(outcomes, refusal);
            if (results[g].Applied)
            {
                foreach (var outcome in outcomes)
                {
                    var level = levels[(outcome.Change.StoreId, outcome.Change.ProductId)];
                    level.Used = true;
                    if (outcome.QuantityRequested != outcome.QuantityBefore)
                    {
                        level.Quantity = (int)outcome.QuantityRequested;
                        writes.Movement(outcome.Change, level.Quantity - outcome.QuantityBefore, level.Quantity);
                    }
                }
            }
        }

        foreach (var ((store, product), level) in levels)
        {
            if (level.Created && !level.Used)
            {
                writes.UnusedStores.Add(store);
                writes.UnusedProducts.Add(product);
            }
            else if (level.Quantity != level.Original)
            {
                writes.LevelStores.Add(store);
                writes.LevelProducts.Add(product);
                writes.LevelQuantities.Add(level.Quantity);
                if (level.EcLinked)
                {
                    writes.SyncStores.Add(store);
                    writes.SyncProducts.Add(product);
                }
            }
        }

        await using var batch = StockLedgerSql.Write(connection, npgsqlTransaction, writes, cause, now);
        foreach (var command in alongside?.Invoke(results) ?? [])
        {
            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        return results;
    }

    // The group's changes as they would go from the locked levels, each seeing the group's earlier ones.
    private static StockOutcome[] Try(IReadOnlyList<StockChange> group, SortedDictionary<(int Store, int Product), LockedLevel> levels, Dictionary<(int, int), int> tentative)
    {
        tentative.Clear();
        var outcomes = new StockOutcome[group.Count];
        for (var i = 0; i < group.Count; i++)
        {
            var change = group[i];
            var key = (change.StoreId, change.ProductId);
            var before = tentative.TryGetValue(key, out var quantity) ? quantity : levels[key].Quantity;
            var requested = change.Kind == StockChangeKind.Count ? change.Quantity : (long)before + change.Quantity;
            StockRejection? rejection = requested switch
            {
                < 0 => StockRejection.BelowZero,
                > int.MaxValue => StockRejection.TooLarge,
                _ => null,
            };
            outcomes[i] = new StockOutcome(change, before, requested, rejection);
            if (rejection is null)
            {
                tentative[key] = (int)requested;
            }
        }

        return outcomes;
    }

    private static async Task<SortedDictionary<(int Store, int Product), LockedLevel>> LockAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        List<StockChange> changes,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var keys = changes.Select(c => (c.StoreId, c.ProductId)).Distinct().Order().ToArray();
        var stores = keys.Select(k => k.StoreId).ToArray();
        var products = keys.Select(k => k.ProductId).ToArray();

        await using var batch = StockLedgerSql.LockAndRead(connection, transaction, stores, products, now);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var created = new HashSet<(int, int)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            created.Add((reader.GetInt32(0), reader.GetInt32(1)));
        }

        await reader.NextResultAsync(cancellationToken);
        var levels = new SortedDictionary<(int Store, int Product), LockedLevel>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetInt32(0), reader.GetInt32(1));
            levels[key] = new LockedLevel(reader.GetInt32(2), reader.GetBoolean(3), created.Contains(key));
        }

        return levels;
    }
}
