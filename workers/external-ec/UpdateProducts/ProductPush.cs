using Npgsql;
using Workers.Domain;
using Workers.ExternalEc.Ochanoko;
using Workers.TaskManager;

namespace Workers.ExternalEc.UpdateProducts;

// One chunk of ochanokoUpdateStock / ochanokoUpdatePrice: reads the products' current stock in the store (or their
// price: the product's own, else its item's) and sends them in one PUT. Unknown and unlinked products, and those
// Ochanoko refuses, are rejected with the reason; the others are written.
internal sealed class ProductPush(PosDbContext db, OchanokoClient client, string storeCode, int storeId, bool stock, DateTimeOffset deadline)
{
    private const string Sql =
        $"""
        SELECT x.sku, p.id IS NOT NULL, COALESCE({OchanokoProductIds.Linked}, false), {OchanokoProductIds.Sql},
               COALESCE(l.quantity, 0), COALESCE(p.sell_price, i.sell_price, 0)
        FROM unnest($1::text[]) WITH ORDINALITY AS x(sku, n)
        LEFT JOIN pos.products p ON p.sku = x.sku
        LEFT JOIN pos.items i ON i.id = p.item_id
        LEFT JOIN pos.stock_levels l ON l.product_id = p.id AND l.store_id = $2
        ORDER BY x.n
        """;

    public async Task SendAsync(Chunk<OchanokoSku> chunk, CancellationToken cancellationToken)
    {
        // Ochanoko id → (SKU, value); a SKU named twice is sent once.
        var updates = new Dictionary<string, (string Sku, OchanokoProductUpdate Update)>(StringComparer.Ordinal);
        await using (var command = PosCommands.Create(db, Sql,
            new NpgsqlParameter<string[]> { TypedValue = [.. chunk.Items.Select(i => i.Sku)] },
            new NpgsqlParameter<int> { TypedValue = storeId }))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var sku = reader.GetString(0);
                if (!reader.GetBoolean(1))
                {
                    chunk.Reject(sku, $"unknown product '{sku}'");
                }
                else if (!reader.GetBoolean(2))
                {
                    chunk.Reject(sku, $"product '{sku}' is not linked to Ochanoko (its item has no EC product id, or is deleted)");
                }
                else
                {
                    var id = reader.GetString(3);
                    updates[id] = (sku, stock ? new OchanokoProductUpdate(id, Stock: reader.GetInt32(4)) : new OchanokoProductUpdate(id, Price: reader.GetInt32(5)));
                }
            }
        }

        if (updates.Count == 0)
        {
            return;
        }

        var refused = await client.PutProductsAsync(storeCode, [.. updates.Values.Select(u => u.Update)], deadline, cancellationToken);
        foreach (var error in refused)
        {
            var sku = error.Id is not null && updates.TryGetValue(error.Id, out var u) ? u.Sku : error.Id ?? "?";
            chunk.Reject(sku, $"Ochanoko refused product {error.Id}: {error.Message}");
        }
    }
}
