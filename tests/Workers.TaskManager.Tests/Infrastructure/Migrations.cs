using Workers.Testing;

namespace Workers.TaskManager.Tests.Infrastructure;

// The template database for these tests: the TaskManager's migrations plus a table the chunk tests write to.
internal static class Migrations
{
    public static readonly TestMigrations Template = new TestMigrations()
        .WithSql("CREATE SCHEMA test; CREATE TABLE test.applied_items (task_id text NOT NULL, item int NOT NULL, attempt int NOT NULL)");
}
