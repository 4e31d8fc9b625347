using Microsoft.EntityFrameworkCore;
using Workers.Domain;

namespace Workers.ExternalEc.Tests.Infrastructure;

// Seeds the pos data straight into a test's database: stores S001 and S002, and `count` items linked to Ochanoko
// (EC product id och-<n>), each with one product SKU-<n> (no condition: the Ochanoko product is och-<n>) and stock
// (n % 50) + 1 in both stores. Item n sells at 100 + n yen.
internal static class Seed
{
    public static async Task LinkedProductsAsync(PosDbContext db, int count, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $$"""
            INSERT INTO pos.stores (code, name) VALUES ('S001', 'Akihabara'), ('S002', 'Osaka') ON CONFLICT DO NOTHING;
            INSERT INTO pos.categories (code, name, conditions) VALUES ('SINGLE', 'Single cards', '{}') ON CONFLICT DO NOTHING;
            INSERT INTO pos.items (code, name, category_id, sell_price, buy_price, ec_linked, ec_product_id, deleted, created_at, updated_at)
            SELECT 'I-' || n, 'Item ' || n, (SELECT id FROM pos.categories WHERE code = 'SINGLE'), 100 + n, 50, true, 'och-' || n, false, now(), now()
            FROM generate_series(1, {{count}}) n;
            INSERT INTO pos.products (sku, name, item_id)
            SELECT 'SKU-' || n, 'Item ' || n, i.id FROM generate_series(1, {{count}}) n JOIN pos.items i ON i.code = 'I-' || n;
            INSERT INTO pos.stock_levels (store_id, product_id, quantity, updated_at)
            SELECT s.id, p.id, (substr(p.sku, 5)::int % 50) + 1, now() FROM pos.stores s CROSS JOIN pos.products p;
            """,
            cancellationToken);
    }

    public static string Sku(int n) => $"SKU-{n}";

    public static int Stock(int n) => (n % 50) + 1;

    public static async Task<int> StockAsync(PosDbContext db, string store, string sku, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<int>(
            $"SELECT l.quantity AS \"Value\" FROM pos.stock_levels l JOIN pos.stores s ON s.id = l.store_id JOIN pos.products p ON p.id = l.product_id WHERE s.code = {store} AND p.sku = {sku}")
            .SingleAsync(cancellationToken);
}
