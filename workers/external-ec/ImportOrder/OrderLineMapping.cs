using Npgsql;
using Workers.Domain;

namespace Workers.ExternalEc.ImportOrder;

// Maps an order's lines to POS products (OchanokoProductIds): by model number = SKU first, else by the Ochanoko
// product id; only products of items linked to Ochanoko count. Null for a line that matches none.
internal static class OrderLineMapping
{
    private const string Sql =
        $"""
        SELECT x.n, m.id
        FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(product_id, model_number, n)
        LEFT JOIN LATERAL (
            SELECT p.id
            FROM pos.products p JOIN pos.items i ON i.id = p.item_id
            WHERE {OchanokoProductIds.Linked}
              AND (p.sku = x.model_number OR {OchanokoProductIds.Sql} = x.product_id)
            ORDER BY (p.sku = x.model_number) DESC NULLS LAST, p.id
            LIMIT 1) m ON true
        ORDER BY x.n
        """;

    public static async Task<int?[]> MapAsync(PosDbContext db, IReadOnlyList<OchanokoOrderLine> lines, CancellationToken cancellationToken)
    {
        await using var command = PosCommands.Create(
            db,
            Sql,
            new NpgsqlParameter<string?[]> { TypedValue = [.. lines.Select(l => l.ProductId)] },
            new NpgsqlParameter<string?[]> { TypedValue = [.. lines.Select(l => l.ModelNumber)] });
        var products = new int?[lines.Count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            products[reader.GetInt64(0) - 1] = reader.IsDBNull(1) ? null : reader.GetInt32(1);
        }

        return products;
    }
}

// One line of an order as the import uses it (Ochanoko nests them under shipping[].products[]).
internal sealed record OchanokoOrderLine(string? ProductId, string? ModelNumber, int Quantity, int Price)
{
    public string Name => ModelNumber ?? ProductId ?? "(no product id)";

    public static IReadOnlyList<OchanokoOrderLine> From(Ochanoko.OchanokoOrder order) =>
        [.. (order.Shipping ?? []).SelectMany(s => s.Products ?? []).Select(p => new OchanokoOrderLine(p.ProductId, p.ModelNumber, p.Quantity, p.Price))];
}
