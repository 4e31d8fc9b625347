using Workers.Build.Data;
using Workers.Testing;

namespace Workers.Build.Tests.Infrastructure;

// The template database for these tests: the TaskManager's migrations, then the build worker's, as the
// worker's `migrate` command applies them.
internal static class BuildMigrations
{
    public static readonly TestMigrations Template = new TestMigrations().With(Build);

    public static BuildDbContext Build(string connectionString) =>
        new(TestMigrations.Options<BuildDbContext>(connectionString, BuildDbContext.Schema));
}
