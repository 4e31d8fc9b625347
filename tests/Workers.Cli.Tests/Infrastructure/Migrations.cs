using Microsoft.EntityFrameworkCore;
using Workers.TaskManager.Persistence;

namespace Workers.Cli.Tests.Infrastructure;

// The template database for these tests: the TaskManager's migrations, which is all the CLI reads.
internal static class Migrations
{
    public static IEnumerable<string> Ids
    {
        get
        {
            using var db = Context("Host=unused");
            return [.. db.Database.GetMigrations()];
        }
    }

    public static async Task ApplyAsync(string connectionString)
    {
        await using var db = Context(connectionString);
        await db.Database.MigrateAsync();
    }

    public static TaskStoreDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<TaskStoreDbContext>()
            .UseNpgsql(connectionString, n => n.MigrationsHistoryTable(DatabaseServiceCollectionExtensions.MigrationsHistoryTable, TaskStoreDbContext.Schema))
            .Options);
}
