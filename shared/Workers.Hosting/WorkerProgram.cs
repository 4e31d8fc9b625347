using Microsoft.Extensions.Hosting;

namespace Workers.Hosting;

/// <summary>
/// A worker's whole <c>Program.cs</c> but its registrations: the health probe (answered before any host is
/// built, so ECS's check costs no start-up), the bootstrap logger, the worker defaults and tracing, the run or a command,
/// and one fatal line and exit code 1 for whatever stops it.
/// </summary>
public static class WorkerProgram
{
    /// <summary>
    /// Runs the worker named <paramref name="worker"/>: <paramref name="configure"/> registers its domain and its
    /// task types on a builder that already has the worker defaults; <paramref name="commands"/> are the extra
    /// commands it offers besides <c>migrate</c> and <c>healthcheck</c>.
    /// </summary>
    public static async Task<int> RunAsync(string worker, string[] args, Action<HostApplicationBuilder> configure, params WorkerCommand[] commands)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configure);
        if (HealthProbe.IsRequested(args))
        {
            return HealthProbe.Run();
        }

        Serilog.Log.Logger = WorkerLogging.CreateBootstrapLogger();
        try
        {
            var builder = Host.CreateApplicationBuilder(args);
            builder.AddWorkerDefaults();
            builder.AddWorkerTracing("workers-" + worker);
            configure(builder);
            using var host = builder.Build();
            return await host.RunWorkerAsync(args, commands);
        }
#pragma warning disable CA1031 // Whatever stops the host is logged as fatal, then the process exits non-zero.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return WorkerExit.Crashed(ex, worker);
        }
        finally
        {
            await Serilog.Log.CloseAndFlushAsync();
        }
    }
}
