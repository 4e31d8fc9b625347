using Workers.TaskManager.Persistence;
using Workers.Testing;

namespace Workers.Cli.Tests.Infrastructure;

// The template database for these tests: the TaskManager's migrations, which is all the CLI reads.
internal static class Migrations
{
    public static readonly TestMigrations Template = new();

    public static TaskStoreDbContext Context(string connectionString) =>
        new(TestMigrations.Options<TaskStoreDbContext>(connectionString, TaskStoreDbContext.Schema));
}
