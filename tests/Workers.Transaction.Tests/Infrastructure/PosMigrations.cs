using Workers.Domain;
using Workers.Testing;

namespace Workers.Transaction.Tests.Infrastructure;

// The template database for these tests: the TaskManager's migrations, then the pos schema's, as the worker's
// `migrate` command applies them.
internal static class PosMigrations
{
    public static readonly TestMigrations Template = new TestMigrations().With(Pos);

    public static PosDbContext Pos(string connectionString) =>
        new(TestMigrations.Options<PosDbContext>(connectionString, PosDbContext.Schema));
}
