using Microsoft.EntityFrameworkCore;
using Npgsql;
using Workers.TaskManager.Persistence;

namespace Workers.TaskManager.Tests.Infrastructure;

// The template database for these tests: the TaskManager's migrations plus a table the chunk tests write to.
internal static class Migrations
{
    public static IEnumerable<string> Ids
    {
        get
        {
            using var db = Context("Host=unused");
            return [.. db.Database.GetMigrations(), "test.applied_items/v1"];
        }
    }

    public static async Task ApplyAsync(string connectionString)
    {
        await using (var db = Context(connectionString))
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand(
            "CREATE SCHEMA test; CREATE TABLE test.applied_items (task_id text NOT NULL, item int NOT NULL, attempt int NOT NULL)",
            connection);
        await create.ExecuteNonQueryAsync();
    }

    private static TaskStoreDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<TaskStoreDbContext>()
            .UseNpgsql(connectionString, n => n.MigrationsHistoryTable(DatabaseServiceCollectionExtensions.MigrationsHistoryTable, TaskStoreDbContext.Schema))
            .Options);
}
