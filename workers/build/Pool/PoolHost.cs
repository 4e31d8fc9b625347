using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workers.Build.Pool;

// Starts the pool with the host (before the TaskManager's consumer, so no message arrives before a warm
// process), runs its health check every HealthCheckInterval on the host's TimeProvider, and stops it after the
// consumer has drained (hosted services stop in reverse registration order).
internal sealed class PoolHost(NodeProcessPool pool, IOptions<PoolOptions> options, TimeProvider time, ILogger<PoolHost> logger)
    : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _health = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await pool.StartAsync(cancellationToken);
        var stats = pool.GetStats();
        Log.PoolStarted(logger, stats.Total, options.Value.MinProcesses, options.Value.MaxProcesses, pool.WorkDirectory, pool.Toolchain.Json);
        _health = RunHealthChecksAsync(_stop.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _health;
        await pool.StopAsync();
        var stats = pool.GetStats();
        Log.PoolStopped(logger, stats.TotalBuilds, stats.AverageBuildMilliseconds, stats.Recycled);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
    }

    private async Task RunHealthChecksAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.HealthCheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await pool.CheckHealthAsync();
                var stats = pool.GetStats();
                Log.PoolHealth(logger, stats.Total, stats.Busy, stats.Available, stats.Recycled, stats.TotalBuilds, stats.AverageBuildMilliseconds, stats.MemoryBytes / (1024 * 1024));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
