using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Workers.Cli.Errors;
using Workers.TaskManager.Options;
using Workers.TaskManager.Persistence;

namespace Workers.Cli.Composition;

// The database is needed only by `task` and `enqueue --wait`; `queues` and a plain `enqueue` work without one.
// So it is not validated up front: the data source is created when first used, and a missing configuration
// becomes one line saying which setting to add. Registered before AddTaskPublisher, whose TryAdd keeps it.
internal static class CliDatabase
{
    public const string ApplicationName = "workers-cli";

    public static IServiceCollection AddCliDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var connectionString = DatabaseConnection.Resolve(
                sp.GetRequiredService<IConfiguration>(),
                sp.GetRequiredService<IOptions<DatabaseOptions>>().Value,
                ApplicationName,
                out var problem) ?? throw CliException.Failure(problem!);
            return NpgsqlDataSource.Create(connectionString);
        });
        return services;
    }
}
