using Npgsql;
using NpgsqlTypes;

namespace Workers.Item.UpdateItem;

// Marks products of updated EC-linked items for the EC sync (pos.ec_stock_sync), one pending row per store and
// product as the stock ledger writes them (Workers.Domain/Ledger/StockLedgerSql.cs, RequestEcSync). Price is
// the chain's, but each store has its own EC shop, so every store that carries the product (has a stock level
// for it) gets a row. A price change concerns only products without a price of their own; a new link concerns
// every product, and their stock too, which the platform never had. Rows are written in (store_id, product_id)
// order, as the ledger writes them, so the two never deadlock on this table.
internal static class EcSyncSql
{
    private const string Request =
        """
        INSERT INTO pos.ec_stock_sync AS s (store_id, product_id, stock_changed, price_changed, requested_at)
        SELECT l.store_id, l.product_id, c.linked, true, $3
        FROM unnest($1::int[], $2::bool[]) AS c(item_id, linked)
        JOIN pos.products p ON p.item_id = c.item_id
        JOIN pos.stock_levels l ON l.product_id = p.id
        WHERE c.linked OR p.sell_price IS NULL
        ORDER BY l.store_id, l.product_id
        ON CONFLICT (store_id, product_id) DO UPDATE
            SET price_changed = true, stock_changed = s.stock_changed OR excluded.stock_changed, requested_at = excluded.requested_at
        """;

    public static NpgsqlCommand RequestSync(NpgsqlConnection connection, NpgsqlTransaction transaction, int[] items, bool[] linked, DateTimeOffset now)
    {
        var command = new NpgsqlCommand(Request, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = items });
        command.Parameters.Add(new NpgsqlParameter<bool[]> { TypedValue = linked });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return command;
    }
}
