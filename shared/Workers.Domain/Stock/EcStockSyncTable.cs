using Npgsql;
using NpgsqlTypes;

namespace Workers.Domain.Stock;

/// <summary>
/// The statements that request EC syncs (pos.ec_stock_sync), the table's one home: the stock ledger's (a linked
/// product's stock moved) and the catalogue's (a linked item's price changed, or an item was newly linked).
/// One pending row per (store, product) however many changes, written in (store_id, product_id) order by both,
/// so they never deadlock each other on this table; the sync pushes the values as they are when it runs. A
/// repeat keeps the row's first_requested_at (when the first unpushed change came) and moves requested_at.
/// </summary>
public static class EcStockSyncTable
{
    // $1 store ids, $2 product ids, $3 now.
    internal const string RequestStockSync =
        """
        INSERT INTO pos.ec_stock_sync AS s (store_id, product_id, stock_changed, price_changed, requested_at, first_requested_at)
        SELECT k.store_id, k.product_id, true, false, $3, $3
        FROM unnest($1::int[], $2::int[]) AS k(store_id, product_id)
        ORDER BY k.store_id, k.product_id
        ON CONFLICT (store_id, product_id) DO UPDATE SET stock_changed = true, requested_at = excluded.requested_at
        """;

    // Price is the chain's, but each store has its own EC shop, so every store that carries the product (has a
    // stock level for it) gets a row. A price change concerns only products without a price of their own; a new
    // link concerns every product, and their stock too, which the platform never had.
    private const string RequestItemSync =
        """
        INSERT INTO pos.ec_stock_sync AS s (store_id, product_id, stock_changed, price_changed, requested_at, first_requested_at)
        SELECT l.store_id, l.product_id, c.linked, true, $3, $3
        FROM unnest($1::int[], $2::bool[]) AS c(item_id, linked)
        JOIN pos.products p ON p.item_id = c.item_id
        JOIN pos.stock_levels l ON l.product_id = p.id
        WHERE c.linked OR p.sell_price IS NULL
        ORDER BY l.store_id, l.product_id
        ON CONFLICT (store_id, product_id) DO UPDATE
            SET price_changed = true, stock_changed = s.stock_changed OR excluded.stock_changed, requested_at = excluded.requested_at
        """;

    /// <summary>
    /// Requests the EC sync of the products of EC-linked items whose price changed (<paramref name="newlyLinked"/>
    /// false) or that were just linked (true: their stock is pushed too), in the caller's transaction.
    /// </summary>
    public static NpgsqlCommand RequestItemSyncCommand(NpgsqlConnection connection, NpgsqlTransaction transaction, int[] items, bool[] newlyLinked, DateTimeOffset now)
    {
        var command = new NpgsqlCommand(RequestItemSync, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = items });
        command.Parameters.Add(new NpgsqlParameter<bool[]> { TypedValue = newlyLinked });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return command;
    }
}
