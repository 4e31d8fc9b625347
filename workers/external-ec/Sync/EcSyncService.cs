using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workers.ExternalEc.Sync;

// Drains pos.ec_stock_sync into ochanokoUpdateStock / ochanokoUpdatePrice tasks: at start, then every poll
// interval (a full round goes again at once, so a backlog drains without waiting). Safe in every worker process
// at once (EcSyncDrain takes rows with SKIP LOCKED). A failed round (the database down) is retried next interval.
internal sealed class EcSyncService(EcSyncDrain drain, IOptions<EcSyncOptions> options, TimeProvider time, ILogger<EcSyncService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                var round = await drain.RunAsync(o.QuietPeriod, o.MaxDelay, o.BatchSize, stoppingToken);
                if (round.Rows > 0)
                {
                    Log.SyncDrained(logger, round.Rows, round.Tasks, round.Stores, round.Dropped);
                }

                full = round.Rows >= o.BatchSize;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.SyncFailed(logger, ex, o.PollInterval);
            }

            if (!full)
            {
                try
                {
                    await Task.Delay(o.PollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
