using Npgsql;
using NpgsqlTypes;
using Workers.TaskManager;

namespace Workers.Product.CsvStock;

// The two statements that apply a chunk of stock levels, as one batch (one round trip). Each statement takes
// its own snapshot (READ COMMITTED), which is what makes the pair correct under concurrent tasks:
//
// 1. Lock: INSERT … ON CONFLICT DO UPDATE … WHERE false, in (store, product) order, creates the missing rows at
//    0 and locks the existing ones (PostgreSQL locks every conflicting row before evaluating the WHERE, so
//    nothing is rewritten). Unknown stores and SKUs drop out of the joins. updateStock locks the same way
//    (UpdateStock/StockRowLock.cs), so tasks of either type take row locks in one order and cannot deadlock.
// 2. Apply: starts after the locks are held, so the levels it reads are the latest and nobody else can change
//    them before commit. It updates only the levels that change, writes a movement (delta = new − old) for
//    each from the UPDATE's RETURNING, and returns the input rows whose store or SKU is unknown.
internal static class StockLevelSql
{
    private const string Lock =
        """
        INSERT INTO product.stock_levels AS l (store_id, product_id, quantity, updated_at)
        SELECT s.id, p.id, 0, $3
        FROM unnest($1::text[], $2::text[]) AS i(store, sku)
        JOIN product.stores s ON s.code = i.store
        JOIN product.products p ON p.sku = i.sku
        ORDER BY s.id, p.id
        ON CONFLICT (store_id, product_id) DO UPDATE SET quantity = l.quantity WHERE false
        """;

    private const string Apply =
        """
        WITH input AS (
            SELECT i.line, i.store, i.sku, i.quantity, s.id AS store_id, p.id AS product_id
            FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[]) AS i(line, store, sku, quantity)
            LEFT JOIN product.stores s ON s.code = i.store
            LEFT JOIN product.products p ON p.sku = i.sku
        ),
        changed AS (
            UPDATE product.stock_levels l
            SET quantity = i.quantity, updated_at = $5
            FROM input i
            JOIN product.stock_levels prev ON prev.store_id = i.store_id AND prev.product_id = i.product_id
            WHERE l.store_id = i.store_id AND l.product_id = i.product_id AND l.quantity <> i.quantity
            RETURNING l.store_id, l.product_id, i.quantity - prev.quantity AS delta, i.quantity AS quantity_after
        ),
        movements AS (
            INSERT INTO product.stock_movements (store_id, product_id, task_id, delta, quantity_after, source_task_type, created_at)
            SELECT store_id, product_id, $6, delta, quantity_after, $7, $5 FROM changed
        )
        SELECT store, sku, store_id IS NULL AS unknown_store, product_id IS NULL AS unknown_sku
        FROM input
        WHERE store_id IS NULL OR product_id IS NULL
        """;

    public static NpgsqlBatch Create(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        long[] lines,
        string[] stores,
        string[] skus,
        int[] quantities,
        DateTimeOffset now,
        TaskInfo task)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        var lockRows = new NpgsqlBatchCommand(Lock);
        lockRows.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = stores });
        lockRows.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = skus });
        lockRows.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        batch.BatchCommands.Add(lockRows);

        var apply = new NpgsqlBatchCommand(Apply);
        apply.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = lines });
        apply.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = stores });
        apply.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = skus });
        apply.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = quantities });
        apply.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        apply.Parameters.Add(new NpgsqlParameter<string> { TypedValue = task.TaskId, NpgsqlDbType = NpgsqlDbType.Text });
        apply.Parameters.Add(new NpgsqlParameter<string> { TypedValue = task.TaskType, NpgsqlDbType = NpgsqlDbType.Text });
        batch.BatchCommands.Add(apply);
        return batch;
    }
}
