using Microsoft.EntityFrameworkCore;
using Workers.Product.Data;
using Workers.TaskManager.Persistence;

namespace Workers.Product.Tests.Infrastructure;

// The template database for these tests: the TaskManager's migrations, then the product worker's, as the
// worker's `migrate` command applies them.
internal static class ProductMigrations
{
    public static IEnumerable<string> Ids
    {
        get
        {
            using var taskStore = TaskStore("Host=unused");
            using var product = Product("Host=unused");
            return [.. taskStore.Database.GetMigrations(), .. product.Database.GetMigrations()];
        }
    }

    public static async Task ApplyAsync(string connectionString)
    {
        await using (var taskStore = TaskStore(connectionString))
        {
            await taskStore.Database.MigrateAsync();
        }

        await using var product = Product(connectionString);
        await product.Database.MigrateAsync();
    }

    public static ProductDbContext Product(string connectionString) =>
        new(new DbContextOptionsBuilder<ProductDbContext>()
            .UseNpgsql(connectionString, n => n.MigrationsHistoryTable(DatabaseServiceCollectionExtensions.MigrationsHistoryTable, ProductDbContext.Schema))
            .Options);

    private static TaskStoreDbContext TaskStore(string connectionString) =>
        new(new DbContextOptionsBuilder<TaskStoreDbContext>()
            .UseNpgsql(connectionString, n => n.MigrationsHistoryTable(DatabaseServiceCollectionExtensions.MigrationsHistoryTable, TaskStoreDbContext.Schema))
            .Options);
}
