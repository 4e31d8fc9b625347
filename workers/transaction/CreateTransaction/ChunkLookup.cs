using Npgsql;
using Workers.Domain.Promotions;

namespace Workers.Transaction.CreateTransaction;

// Everything a chunk reads before it touches stock, in one round trip: the ids of its stores and SKUs, the
// content hashes of its codes already recorded, and the sales its lines name (locked FOR UPDATE in id order:
// sales come before stock levels in every chunk of this worker) with the products on them.
internal sealed class ChunkLookup
{
    private const string Stores = "SELECT code, id FROM pos.stores WHERE code = ANY($1::text[])";

    private const string Products = "SELECT sku, id FROM pos.products WHERE sku = ANY($1::text[])";

    private const string Recorded =
        """
        SELECT t.store_id, t.code, t.content_hash
        FROM unnest($1::text[], $2::text[]) AS k(store, code)
        JOIN pos.stores s ON s.code = k.store
        JOIN pos.transactions t ON t.store_id = s.id AND t.code = k.code
        """;

    // Every pairing of the chunk's stores and sale codes: a superset of the lines' sales, locked alike.
    private const string LockSales =
        """
        SELECT s.id, s.store_id, s.code, s.status, s.quantity_limit, s.sold_count
        FROM pos.sales s JOIN pos.stores st ON st.id = s.store_id
        WHERE st.code = ANY($1::text[]) AND s.code = ANY($2::text[])
        ORDER BY s.id
        FOR UPDATE OF s
        """;

    private const string SaleProducts =
        """
        SELECT p.sale_id, p.product_id
        FROM pos.sale_products p JOIN pos.sales s ON s.id = p.sale_id JOIN pos.stores st ON st.id = s.store_id
        WHERE st.code = ANY($1::text[]) AND s.code = ANY($2::text[])
        """;

    public Dictionary<string, int> StoreIds { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> ProductIds { get; } = new(StringComparer.Ordinal);

    public Dictionary<(int StoreId, string Code), string> Hashes { get; } = [];

    public ChunkSales Sales { get; private set; } = ChunkSales.None;

    public static async Task<ChunkLookup> ReadAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IReadOnlyList<RegisterTransaction> items,
        CancellationToken cancellationToken)
    {
        var storeCodes = items.Select(t => t.StoreCode).Distinct().ToArray();
        var skus = items.SelectMany(t => t.Lines).Select(l => l.Sku).Distinct().ToArray();
        var saleCodes = items.SelectMany(t => t.Lines).Select(l => l.SaleCode).OfType<string>().Distinct().ToArray();
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Sql.Command(Stores, (object)storeCodes));
        batch.BatchCommands.Add(Sql.Command(Products, (object)skus));
        batch.BatchCommands.Add(Sql.Command(Recorded, items.Select(t => t.StoreCode).ToArray(), items.Select(t => t.Code).ToArray()));
        if (saleCodes.Length > 0)
        {
            batch.BatchCommands.Add(Sql.Command(LockSales, storeCodes, saleCodes));
            batch.BatchCommands.Add(Sql.Command(SaleProducts, storeCodes, saleCodes));
        }

        var lookup = new ChunkLookup();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lookup.StoreIds[reader.GetString(0)] = reader.GetInt32(1);
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lookup.ProductIds[reader.GetString(0)] = reader.GetInt32(1);
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lookup.Hashes[(reader.GetInt32(0), reader.GetString(1))] = reader.GetString(2);
        }

        if (saleCodes.Length == 0)
        {
            return lookup;
        }

        var sales = new List<LockedSale>();
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sales.Add(new LockedSale(
                reader.GetInt32(0),
                reader.GetInt32(1),
                reader.GetString(2),
                Enum.Parse<SaleStatus>(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.GetInt32(5)));
        }

        var onSale = new HashSet<(int, int)>();
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            onSale.Add((reader.GetInt32(0), reader.GetInt32(1)));
        }

        lookup.Sales = new ChunkSales(sales, onSale);
        return lookup;
    }
}
