using Workers.Domain;
using Workers.Testing;

namespace Workers.Item.Tests.Infrastructure;

// The template database for these tests: the TaskManager's migrations (its outbox among them), then the pos
// schema's, as the item worker's `migrate` command applies them.
internal static class ItemMigrations
{
    public static readonly TestMigrations Template = new TestMigrations().With(Pos);

    public static PosDbContext Pos(string connectionString) =>
        new(TestMigrations.Options<PosDbContext>(connectionString, PosDbContext.Schema));
}
