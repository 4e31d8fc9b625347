using Npgsql;
using Workers.ExternalEc.Ochanoko;
using Workers.ExternalEc.UpdateProducts;
using Workers.Fleet;
using Workers.TaskManager.Outbox;
using Workers.TaskManager.Publishing;

namespace Workers.ExternalEc.Sync;

// One round of the EC sync, in one transaction: takes the pending rows of pos.ec_stock_sync that are quiet, or
// have waited their longest (first_requested_at), (SKIP LOCKED,
// in (store_id, product_id) order, so several processes share the work and never wait on the ledger's upserts),
// deletes them, and enqueues per store one ochanokoUpdateStock and/or one ochanokoUpdatePrice task through the
// outbox, FIFO group = the store, so they reach Ochanoko in order. A change that lands after the delete writes a
// new row for the next round; one that waits on a taken row's lock does the same after this commit.
internal sealed class EcSyncDrain(NpgsqlDataSource database, OchanokoShops shops, FleetDeclaration fleet)
{
    private const string Take =
        """
        WITH taken AS (
            SELECT s.store_id, s.product_id
            FROM pos.ec_stock_sync s
            WHERE s.requested_at <= now() - $1::interval OR s.first_requested_at <= now() - $3::interval
            ORDER BY s.store_id, s.product_id
            LIMIT $2
            FOR UPDATE SKIP LOCKED)
        DELETE FROM pos.ec_stock_sync s
        USING taken t, pos.stores st, pos.products p
        WHERE s.store_id = t.store_id AND s.product_id = t.product_id AND st.id = s.store_id AND p.id = s.product_id
        RETURNING st.code, p.sku, s.stock_changed, s.price_changed
        """;

    public sealed record Round(int Rows, int Tasks, int Stores, int Dropped);

    public async Task<Round> RunAsync(TimeSpan quietPeriod, TimeSpan maxDelay, int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stock = new SortedDictionary<string, List<OchanokoSku>>(StringComparer.Ordinal);
        var price = new SortedDictionary<string, List<OchanokoSku>>(StringComparer.Ordinal);
        int rows = 0, dropped = 0;
        await using (var take = new NpgsqlCommand(Take, connection, transaction)
        {
            Parameters =
            {
                new NpgsqlParameter<TimeSpan> { TypedValue = quietPeriod },
                new NpgsqlParameter<int> { TypedValue = batchSize },
                new NpgsqlParameter<TimeSpan> { TypedValue = maxDelay },
            },
        })
        await using (var reader = await take.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows++;
                var store = reader.GetString(0);
                if (!shops.TryGetToken(store, out _))
                {
                    dropped++;
                    continue;
                }

                var sku = new OchanokoSku(reader.GetString(1));
                if (reader.GetBoolean(2))
                {
                    Add(stock, store, sku);
                }

                if (reader.GetBoolean(3))
                {
                    Add(price, store, sku);
                }
            }
        }

        var tasks = 0;
        foreach (var (type, byStore) in new[] { ("ochanokoUpdatePrice", price), ("ochanokoUpdateStock", stock) })
        {
            foreach (var (store, skus) in byStore)
            {
                var message = TaskMessage.Create(type, new OchanokoUpdateBody(store, skus), store);
                await TaskOutbox.EnqueueAsync(connection, transaction, fleet, "external-ec", message, cancellationToken: cancellationToken);
                tasks++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new Round(rows, tasks, stock.Keys.Union(price.Keys).Count(), dropped);
    }

    private static void Add(SortedDictionary<string, List<OchanokoSku>> byStore, string store, OchanokoSku sku)
    {
        if (!byStore.TryGetValue(store, out var list))
        {
            byStore[store] = list = [];
        }

        list.Add(sku);
    }
}
