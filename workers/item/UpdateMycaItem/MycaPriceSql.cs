using Npgsql;
using NpgsqlTypes;

namespace Workers.Item.UpdateMycaItem;

// The statements of one updateMycaItem chunk, on the chunk's connection and transaction.
internal static class MycaPriceSql
{
    // Locks the live items linked to the chunk's Myca ids, in id order (concurrent chunks naming the same items
    // wait for each other instead of deadlocking), and says which ids are known. Several items may share one
    // Myca id (the same card in two catalogue entries); each gets the price.
    private const string Lock =
        """
        SELECT id, myca_item_id FROM pos.items
        WHERE myca_item_id = ANY($1) AND NOT deleted
        ORDER BY id
        FOR UPDATE
        """;

    // The newest price of each id in the chunk, applied only where it is newer than the stored one: a price
    // that arrives after a newer one (SQS groups, retries, Myca's own order) changes nothing, and the same
    // price again (same time) changes nothing either.
    private const string Apply =
        """
        UPDATE pos.items i SET myca_price = u.price, myca_price_at = u.priced_at, updated_at = $4
        FROM (
            SELECT DISTINCT ON (p.myca_item_id) p.myca_item_id, p.price, p.priced_at
            FROM unnest($1::bigint[], $2::int[], $3::timestamptz[]) AS p(myca_item_id, price, priced_at)
            ORDER BY p.myca_item_id, p.priced_at DESC
        ) u
        WHERE i.myca_item_id = u.myca_item_id AND NOT i.deleted
          AND (i.myca_price_at IS NULL OR i.myca_price_at < u.priced_at)
        """;

    public static NpgsqlCommand LockKnown(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] mycaIds)
    {
        var command = new NpgsqlCommand(Lock, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = mycaIds });
        return command;
    }

    public static NpgsqlCommand ApplyNewer(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<MycaPrice> prices, DateTimeOffset now)
    {
        var command = new NpgsqlCommand(Apply, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. prices.Select(p => p.MycaItemId)] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. prices.Select(p => p.Price)] });
        // timestamptz takes UTC offsets only (Npgsql refuses others); the instant is what counts.
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. prices.Select(p => p.PricedAt.ToUniversalTime())], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return command;
    }
}
