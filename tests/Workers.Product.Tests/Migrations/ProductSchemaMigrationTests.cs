using Microsoft.EntityFrameworkCore;
using Npgsql;
using Workers.Product.Tests.Infrastructure;
using Workers.Testing;

namespace Workers.Product.Tests.Migrations;

// A database deployed before the pos schema (the product worker's own schema, with rows in it) is migrated by
// the new worker's `migrate` command, as a deploy does, and every row is still there, in pos.
public sealed class ProductSchemaMigrationTests : ProductWorkerTest
{
    private static readonly TestMigrations OldSchema = new TestMigrations()
        .WithSql(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests/Workers.Product.Tests/Migrations/product-schema-20261124155429.sql")));

    protected override TestMigrations Migrations => OldSchema;

    [Fact]
    public async Task Migrating_a_database_with_the_old_product_schema_keeps_every_store_product_level_and_movement()
    {
        await ExecuteAsync(
            """
            INSERT INTO product.stores (code, name) SELECT 'S' || i, 'Store ' || i FROM generate_series(1, 3) i;
            INSERT INTO product.products (sku, name) SELECT 'SKU-' || i, 'Product ' || i FROM generate_series(1, 50) i;
            INSERT INTO product.stock_levels (store_id, product_id, quantity, updated_at)
                SELECT s.id, p.id, (s.id * 7 + p.id) % 13, '2026-11-30T10:00:00Z' FROM product.stores s CROSS JOIN product.products p;
            INSERT INTO product.stock_movements (store_id, product_id, task_id, delta, quantity_after, source_task_type, created_at)
                SELECT store_id, product_id, 'task-' || product_id, quantity, quantity,
                       CASE WHEN product_id % 2 = 0 THEN 'csvStock' ELSE 'updateStock' END, '2026-11-30T10:00:00Z'
                FROM product.stock_levels;
            """);
        var before = await SnapshotAsync(
            "SELECT id || '|' || code || '|' || name FROM product.stores",
            "SELECT id || '|' || sku || '|' || name FROM product.products",
            "SELECT store_id || '|' || product_id || '|' || quantity || '|' || updated_at FROM product.stock_levels",
            "SELECT id || '|' || store_id || '|' || product_id || '|' || task_id || '|' || delta || '|' || quantity_after || '|' || source_task_type || '|' || created_at FROM product.stock_movements");

        var (exitCode, output) = await RunCommandAsync("migrate", null, "migrate");

        Assert.True(exitCode == 0, output);
        var after = await SnapshotAsync(
            "SELECT id || '|' || code || '|' || name FROM pos.stores",
            "SELECT id || '|' || sku || '|' || name FROM pos.products",
            "SELECT store_id || '|' || product_id || '|' || quantity || '|' || updated_at FROM pos.stock_levels",
            "SELECT id || '|' || store_id || '|' || product_id || '|' || task_id || '|' || delta || '|' || quantity_after || '|' || task_type || '|' || created_at FROM pos.stock_movements");
        Assert.Equal([3, 50, 150, 150], before.Select(rows => rows.Count));
        Assert.Equal(before, after);

        await using var db = ProductMigrations.Pos(Database.ConnectionString);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancellation));
        Assert.Equal(75, await db.StockMovements.CountAsync(m => m.Reason == "count", Cancellation));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM pg_namespace WHERE nspname = 'product'"));
        // The identity sequences were moved past the copied ids: new rows do not collide with them.
        db.Stores.Add(new Domain.Stores.Store { Code = "S-new", Name = "New" });
        await db.SaveChangesAsync(Cancellation);
        Assert.Equal(4, await db.Stores.Where(s => s.Code == "S-new").Select(s => s.Id).SingleAsync(Cancellation));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancellation);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Cancellation))!;
    }

    // Every row of each query, as text, sorted: what must be the same before and after.
    private async Task<List<List<string>>> SnapshotAsync(params string[] queries)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(Cancellation);
        var tables = new List<List<string>>();
        foreach (var query in queries)
        {
            await using var command = new NpgsqlCommand($"SET TIME ZONE 'UTC'; {query}", connection);
            await using var reader = await command.ExecuteReaderAsync(Cancellation);
            var rows = new List<string>();
            while (await reader.ReadAsync(Cancellation))
            {
                rows.Add(reader.GetString(0));
            }

            rows.Sort(StringComparer.Ordinal);
            tables.Add(rows);
        }

        return tables;
    }
}
