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
/// rejected, never clamped, and the others still apply; every applied change that moves a level writes one
/// movement. Call it once per transaction with all of its changes: a second call locks a second batch of rows,
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
        ArgumentNullException.ThrowIfNull(cause);
        if (changes.Count == 0)
        {
            return [];
        }

        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("The stock ledger applies changes inside the caller's transaction; none is open on this DbContext.");
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        var now = time.GetUtcNow();

        var levels = await LockAsync(connection, npgsqlTransaction, changes, now, cancellationToken);
        var writes = new StockLedgerWrites();
        var outcomes = new StockOutcome[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var level = levels[(change.StoreId, change.ProductId)];
            var before = level.Quantity;
            var requested = change.Kind == StockChangeKind.Count ? change.Quantity : (long)before + change.Quantity;
            StockRejection? rejection = requested switch
            {
                < 0 => StockRejection.BelowZero,
                > int.MaxValue => StockRejection.TooLarge,
                _ => null,
            };
            outcomes[i] = new StockOutcome(change, before, requested, rejection);
            if (rejection is not null)
            {
                continue;
            }

            level.Used = true;
            if (requested != before)
            {
                level.Quantity = (int)requested;
                writes.Movement(change, level.Quantity - before, level.Quantity);
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

        if (!writes.IsEmpty)
        {
            await using var batch = StockLedgerSql.Write(connection, npgsqlTransaction, writes, cause, now);
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        return outcomes;
    }

    private static async Task<SortedDictionary<(int Store, int Product), LockedLevel>> LockAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IReadOnlyList<StockChange> changes,
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
