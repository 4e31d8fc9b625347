using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workers.Cli.ApiKeys;
using Workers.TaskManager.Persistence;
using Workers.Testing;

namespace Workers.Cli.Tests.Infrastructure;

// The template for the api-keys tests: the TaskManager's migrations and the API's schema, reached through the
// registration `workers api-keys` itself uses (the API's DbContext is internal to it).
internal static class ApiKeyMigrations
{
    public static readonly TestMigrations Template = new TestMigrations().With(ApiSchema);

    private static DbContext ApiSchema(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        new ApiKeysCommand().AddServices(services);
        var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<DatabaseMigration>().Resolve(provider);
    }
}
