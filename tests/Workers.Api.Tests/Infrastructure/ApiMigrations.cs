extern alias buildworker;

using Workers.Api.Data;
using Workers.Testing;
using BuildDbContext = buildworker::Workers.Build.Data.BuildDbContext;

namespace Workers.Api.Tests.Infrastructure;

// The template database: the TaskManager's migrations, the build worker's (the records the API reads) and the
// API's own, as each one's `migrate` command applies them.
internal static class ApiMigrations
{
    public static readonly TestMigrations Template = new TestMigrations()
        .With(c => new BuildDbContext(TestMigrations.Options<BuildDbContext>(c, BuildDbContext.Schema)))
        .With(c => new ApiDbContext(TestMigrations.Options<ApiDbContext>(c, ApiDbContext.Schema)));
}
