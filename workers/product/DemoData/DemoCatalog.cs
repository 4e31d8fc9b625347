using Npgsql;

namespace Workers.Product.DemoData;

// Seeds the demo stores, products, a stock level for every store × product and two suppliers, idempotently: what
// exists is kept. Four set-based statements in one round trip; 10 × 10,000 takes about a second.
internal static class DemoCatalog
{
    public static async Task<(int Stores, int Products, int Levels)> SeedAsync(NpgsqlDataSource dataSource, DemoDataOptions options, CancellationToken cancellationToken)
    {
        var codes = Enumerable.Range(1, options.Stores).Select(DemoNames.StoreCode).ToArray();
        var skus = Enumerable.Range(1, options.Products).Select(DemoNames.Sku).ToArray();
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(
            "INSERT INTO pos.stores (code, name) SELECT c, 'Demo store ' || c FROM unnest($1::text[]) AS c ON CONFLICT (code) DO NOTHING",
            codes));
        batch.BatchCommands.Add(Command(
            "INSERT INTO pos.products (sku, name) SELECT s, 'Demo product ' || s FROM unnest($1::text[]) AS s ON CONFLICT (sku) DO NOTHING",
            skus));
        // Initial levels are a deterministic 0–99 per store and product, so a re-run seeds the same numbers.
        batch.BatchCommands.Add(Command(
            """
            INSERT INTO pos.stock_levels (store_id, product_id, quantity, updated_at)
            SELECT s.id, p.id, abs(hashtext(s.code || '/' || p.sku)) % 100, now()
            FROM pos.stores s CROSS JOIN pos.products p
            WHERE s.code = ANY($1) AND p.sku = ANY($2)
            ORDER BY s.id, p.id
            ON CONFLICT (store_id, product_id) DO NOTHING
            """,
            codes,
            skus));
        // Two suppliers, so stockProduct can be tried on the demo data (SUP-A, SUP-B).
        batch.BatchCommands.Add(Command(
            "INSERT INTO pos.suppliers (code, name) SELECT c, 'Demo supplier ' || c FROM unnest($1::text[]) AS c ON CONFLICT (code) DO NOTHING",
            ["SUP-A", "SUP-B"]));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return (batch.BatchCommands[0].RecordsAffected, batch.BatchCommands[1].RecordsAffected, batch.BatchCommands[2].RecordsAffected);
    }

    private static NpgsqlBatchCommand Command(string sql, params string[][] arrays)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var array in arrays)
        {
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = array });
        }

        return command;
    }
}
