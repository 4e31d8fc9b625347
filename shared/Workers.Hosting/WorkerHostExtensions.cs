using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workers.TaskManager.Persistence;

namespace Workers.Hosting;

/// <summary>Runs a worker host, or one of its commands.</summary>
public static partial class WorkerHostExtensions
{
    /// <summary>
    /// With no arguments, runs the worker until SIGTERM and returns its exit code. <c>migrate</c> applies the
    /// EF Core migrations of the TaskManager's tables and the worker's own, in that order, and exits: schema
    /// changes are a deploy step, never a side effect of a worker starting.
    /// </summary>
    public static async Task<int> RunWorkerAsync(this IHost host, string[] args)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(args);
        switch (args)
        {
            case []:
                await host.RunAsync();
                return Environment.ExitCode;
            case ["migrate"]:
                await MigrateAsync(host.Services);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{string.Join(' ', args)}'. Use no arguments to run the worker, 'migrate' to apply database migrations, or 'healthcheck' to probe a running worker.");
                return 2;
        }
    }

    private static async Task MigrateAsync(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Workers.Migrate");
        foreach (var migration in services.GetServices<DatabaseMigration>())
        {
            await using var scope = services.CreateAsyncScope();
            var db = migration.Resolve(scope.ServiceProvider);
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            await db.Database.MigrateAsync();
            LogMigrated(logger, migration.Name, pending.Count, string.Join(", ", pending));
        }
    }

    [LoggerMessage(2000, LogLevel.Information, "{Context}: applied {Count} migration(s) {Migrations}")]
    private static partial void LogMigrated(ILogger logger, string context, int count, string migrations);
}
