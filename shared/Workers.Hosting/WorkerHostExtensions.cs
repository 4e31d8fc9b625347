using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workers.TaskManager.Persistence;

namespace Workers.Hosting;

/// <summary>Runs a worker host, or one of its commands.</summary>
public static class WorkerHostExtensions
{
    /// <summary>
    /// With no arguments, runs the worker until SIGTERM and returns its exit code. <c>migrate</c> applies the
    /// EF Core migrations of the TaskManager's tables and the worker's own, in that order, and exits: schema
    /// changes are a deploy step, never a side effect of a worker starting. Any of <paramref name="commands"/>
    /// runs with the host's services.
    /// </summary>
    public static async Task<int> RunWorkerAsync(this IHost host, string[] args, params WorkerCommand[] commands)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
        {
            await host.RunAsync();
            return Environment.ExitCode;
        }

        if (args is ["migrate"])
        {
            await MigrateAsync(host.Services);
            return 0;
        }

        if (commands.FirstOrDefault(c => c.Name == args[0]) is { } command)
        {
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            return await command.RunAsync(host.Services, args[1..], stop.Token);
        }

        var usage = string.Join(Environment.NewLine, commands.Select(c => $"  {c.Name,-12} {c.Description}"));
        await Console.Error.WriteLineAsync(
            $"Unknown command '{string.Join(' ', args)}'. Commands:{Environment.NewLine}" +
            $"  (none)       run the worker{Environment.NewLine}" +
            $"  migrate      apply database migrations{Environment.NewLine}" +
            $"  healthcheck  probe a running worker (exit 0 when healthy){Environment.NewLine}{usage}");
        return 2;
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
            Log.Migrated(logger, migration.Name, pending.Count, string.Join(", ", pending));
        }
    }
}
