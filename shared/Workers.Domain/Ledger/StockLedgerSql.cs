using Npgsql;
using NpgsqlTypes;
using Workers.Domain.Stock;

namespace Workers.Domain.Ledger;

// The stock ledger's statements, each taking arrays so a chunk of any size costs two round trips.
//
// Lock + read (one batch). Each statement takes its own snapshot (READ COMMITTED), which is what makes the pair
// correct under concurrent transactions:
// 1. INSERT … ON CONFLICT DO UPDATE … WHERE false, in (store_id, product_id) order, creates the missing levels at
//    0 and locks the existing ones: PostgreSQL locks every conflicting row before it evaluates the WHERE, which is
//    false, so nothing is rewritten. A row another transaction is inserting is waited for, not skipped. Its
//    RETURNING lists only the rows it inserted. Every stock change in the fleet locks through this one statement,
//    so every transaction takes its level locks in the same order and none can deadlock another on them.
// 2. The SELECT starts after the locks are held, so it reads the latest levels and nobody can change them before
//    commit; it also says which products are EC-linked.
//
// Write (one batch): the new levels, the movements in change order, the levels created only to be locked whose
// every change was rejected (the store never stocked them), and the pending EC syncs of linked products.
internal static class StockLedgerSql
{
    private const string Lock =
        """
        INSERT INTO pos.stock_levels AS l (store_id, product_id, quantity, updated_at)
        SELECT k.store_id, k.product_id, 0, $3
        FROM unnest($1::int[], $2::int[]) AS k(store_id, product_id)
        ORDER BY k.store_id, k.product_id
        ON CONFLICT (store_id, product_id) DO UPDATE SET quantity = l.quantity WHERE false
        RETURNING l.store_id, l.product_id
        """;

    private const string Read =
        """
        SELECT l.store_id, l.product_id, l.quantity, coalesce(i.ec_linked, false)
        FROM unnest($1::int[], $2::int[]) AS k(store_id, product_id)
        JOIN pos.stock_levels l ON l.store_id = k.store_id AND l.product_id = k.product_id
        JOIN pos.products p ON p.id = k.product_id
        LEFT JOIN pos.items i ON i.id = p.item_id
        """;

    private const string UpdateLevels =
        """
        UPDATE pos.stock_levels l SET quantity = u.quantity, updated_at = $4
        FROM unnest($1::int[], $2::int[], $3::int[]) AS u(store_id, product_id, quantity)
        WHERE l.store_id = u.store_id AND l.product_id = u.product_id
        """;

    private const string InsertMovements =
        """
        INSERT INTO pos.stock_movements (store_id, product_id, delta, quantity_after, reason, reference, task_id, task_type, created_at)
        SELECT m.store_id, m.product_id, m.delta, m.quantity_after, m.reason, m.reference, $7, $8, $9
        FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[])
            WITH ORDINALITY AS m(store_id, product_id, delta, quantity_after, reason, reference, n)
        ORDER BY m.n
        """;

    private const string DeleteUnused =
        """
        DELETE FROM pos.stock_levels l
        USING unnest($1::int[], $2::int[]) AS d(store_id, product_id)
        WHERE l.store_id = d.store_id AND l.product_id = d.product_id
        """;

    public static NpgsqlBatch LockAndRead(NpgsqlConnection connection, NpgsqlTransaction transaction, int[] stores, int[] products, DateTimeOffset now)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(Lock, stores, products, now));
        batch.BatchCommands.Add(Command(Read, stores, products));
        return batch;
    }

    public static NpgsqlBatch Write(NpgsqlConnection connection, NpgsqlTransaction transaction, StockLedgerWrites writes, StockCause cause, DateTimeOffset now)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        if (writes.LevelStores.Count > 0)
        {
            batch.BatchCommands.Add(Command(UpdateLevels, writes.LevelStores.ToArray(), writes.LevelProducts.ToArray(), writes.LevelQuantities.ToArray(), now));
        }

        if (writes.MovementStores.Count > 0)
        {
            batch.BatchCommands.Add(Command(
                InsertMovements,
                writes.MovementStores.ToArray(),
                writes.MovementProducts.ToArray(),
                writes.MovementDeltas.ToArray(),
                writes.MovementQuantities.ToArray(),
                writes.MovementReasons.ToArray(),
                Text(writes.MovementReferences.ToArray()),
                Text(cause.TaskId),
                Text(cause.TaskType),
                now));
        }

        if (writes.UnusedStores.Count > 0)
        {
            batch.BatchCommands.Add(Command(DeleteUnused, writes.UnusedStores.ToArray(), writes.UnusedProducts.ToArray()));
        }

        if (writes.SyncStores.Count > 0)
        {
            batch.BatchCommands.Add(Command(EcStockSyncTable.RequestStockSync, writes.SyncStores.ToArray(), writes.SyncProducts.ToArray(), now));
        }

        return batch;
    }

    private static NpgsqlParameter Text(string value) => new NpgsqlParameter<string> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Text(string?[] values) =>
        new NpgsqlParameter<string?[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value switch
            {
                NpgsqlParameter parameter => parameter,
                int[] ints => new NpgsqlParameter<int[]> { TypedValue = ints },
                string[] texts => new NpgsqlParameter<string[]> { TypedValue = texts },
                DateTimeOffset time => new NpgsqlParameter<DateTimeOffset> { TypedValue = time },
                _ => throw new ArgumentException($"No parameter mapping for {value.GetType()}.", nameof(values)),
            });
        }

        return command;
    }
}
