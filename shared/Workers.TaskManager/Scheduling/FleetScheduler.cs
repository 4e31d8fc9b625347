using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workers.Fleet;
using Workers.TaskManager.Outages;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Scheduling;

// The fleet scheduler of one process: runs a round at start (catching up what was missed while no process of the
// worker ran), then sleeps until the earliest next occurrence (at most PollInterval, so a clock step is noticed)
// and runs the next. Every process of the worker does this; the rounds' lock and the occurrences' identity make
// each occurrence one task, so no leader is needed and a dead process leaves no gap.
internal sealed class FleetScheduler(
    SchedulerRound round,
    FleetWorker worker,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILogger<FleetScheduler> logger) : BackgroundService
{
    // A timer may fire a little before the occurrence it was set for; the round then finds nothing and waits again.
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan RetryBaseDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryMaxDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || round.Schedules.Count == 0)
        {
            return;
        }

        await Task.Yield();
        Log.SchedulerStarted(logger, worker.Name, string.Join(", ", round.Schedules.Select(s => $"{s.Name} ({s.Cron} {s.Declared.TimeZone.Id})")));
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var next = await round.RunAsync(time.GetUtcNow(), stoppingToken);
                failures = 0;
                wait = next is { } n ? n - time.GetUtcNow() : options.Value.PollInterval;
                wait = wait < MinimumWait ? MinimumWait : wait > options.Value.PollInterval ? options.Value.PollInterval : wait;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database away: the round rolled back; the occurrences are computed again when it is back.
                wait = TimeSpan.FromTicks(Math.Min(RetryMaxDelay.Ticks, RetryBaseDelay.Ticks << Math.Min(failures++, 20)));
                if ((DependencyFailures.DependencyOf(e, out _) ?? DependencyFailures.Suspected(e)) is { } dependency)
                {
                    Log.SchedulerWaiting(logger, e, dependency, wait);
                }
                else
                {
                    Log.SchedulerFailed(logger, e, wait);
                }
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Log.SchedulerStopped(logger);
    }
}
