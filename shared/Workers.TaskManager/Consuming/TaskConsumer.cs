using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workers.Fleet;
using Workers.TaskManager.Dispatch;
using Workers.TaskManager.Health;
using Workers.TaskManager.Options;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Consuming;

// The worker's consumer: finds its queue, runs the pollers, the group scheduler and the heartbeat, and on
// shutdown stops polling (cancelling long polls), returns messages that have not started, lets running
// handlers finish within the drain timeout, cancels the rest, and flushes deletes and records before exiting.
// Dependencies that do work when created (AWS clients need a region, the data source a connection string) are
// resolved when the consumer runs, not
// in its constructor: hosted services are created before the host validates options, and every configuration
// error should be reported together first.
internal sealed class TaskConsumer(
    IServiceProvider services,
    FleetWorker worker,
    TaskRegistry registry,
    PollLoopHealth health,
    TaskManagerMetrics metrics,
    IOptions<TaskManagerOptions> options,
    TimeProvider time,
    ILogger<TaskConsumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
            health.Stopped(null);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested || ex is not OperationCanceledException)
        {
            // The host stops when a background service fails; the exit code must say it failed.
            Environment.ExitCode = 1;
            health.Stopped(ex);
            if (ex is QueueUnusableException)
            {
                // Already said in one line, with what to fix: stop the host without a second report of it.
                services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
                return;
            }

            Log.ConsumerFailed(logger, ex);
            throw;
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var queue = await DescribeQueueAsync(o, stoppingToken);
        await using var pipeline = new ConsumerPipeline(services, worker, new ConsumerContext(worker.Name, queue, o, metrics, time, logger));
        var (scheduler, settler, inFlight) = (pipeline.Scheduler, pipeline.Settler, pipeline.InFlight);

        using var hardStop = new CancellationTokenSource();
        using var heartbeatStop = new CancellationTokenSource();
        using var abortReceives = new CancellationTokenSource();
        scheduler.Start(hardStop.Token);
        pipeline.Records.Start();
        var beating = pipeline.Heartbeat.RunAsync(heartbeatStop.Token);

        var pollerCount = o.EffectivePollers;
        health.Started(pollerCount, StallLimit(o, pipeline.Settings));
        Log.ConsumerStarted(logger, queue.Url, queue.IsFifo, queue.DeadLetterUrl ?? "(none)", queue.MaxReceiveCount, pollerCount, o.MaxInFlight, string.Join(", ", registry.TaskTypes));
        using var scaling = new PollerScaling(pollerCount, o.BatchSize, pipeline.Limiter);
        var pollers = Task.WhenAll(Enumerable.Range(0, pollerCount).Select(i => pipeline.CreatePoller(i, scaling).RunAsync(stoppingToken, abortReceives.Token)));
        await Task.WhenAny(StoppedAsync(stoppingToken), pollers); // pollers end by themselves only when the queue is unusable

        // Stopping: no new receives. Handlers finish within the drain timeout; receives still waiting may bring
        // more work, which runs too. A receive still waiting is aborted only when nothing of ours is running or
        // settling and a moment has passed since our last delete: SQS completes an abandoned long poll on its
        // side, and a message our own delete unlocks (the next of its FIFO group) would be taken by it and left
        // invisible with no one to handle it. An idle worker therefore stops at once. Messages held through a
        // dependency outage go back to the queue now.
        health.Draining();
        scheduler.StopRetryingInPlace();
        var released = settler.Released;
        Log.Draining(logger, scheduler.Running, o.DrainTimeout);
        using var drainTimer = new CancellationTokenSource();
        var deadline = Task.Delay(o.DrainTimeout, time, drainTimer.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
        while (!(pollers.IsCompleted && scheduler.WhenIdle().IsCompleted) && !deadline.IsCompleted)
        {
            if (scheduler.WhenIdle().IsCompleted && settler.Idle)
            {
                var quiet = time.GetElapsedTime(settler.LastSettled);
                if (quiet >= QuietBeforeAbort)
                {
                    await abortReceives.CancelAsync();
                    await Task.WhenAny(pollers, deadline);
                    continue;
                }

                await Task.WhenAny(pollers, Task.Delay(QuietBeforeAbort - quiet, time, drainTimer.Token), deadline);
                continue;
            }

            await Task.WhenAny(pollers, scheduler.WhenIdle(), settler.WhenAllSettledAsync(), deadline);
        }

        await abortReceives.CancelAsync();
        await pollers.ContinueWith(static _ => { }, TaskScheduler.Default); // a fatal receive error is rethrown once all is settled
        scheduler.BeginDrain();
        await Task.WhenAny(scheduler.WhenIdle(), deadline);
        if (!scheduler.WhenIdle().IsCompleted)
        {
            Log.DrainTimedOut(logger, scheduler.Running);
            await hardStop.CancelAsync();
            await Completes(scheduler.WhenIdle(), o.ForcedStopGrace);
        }

        // A handler that ignored its cancellation still holds its message: hand it back now rather than let it
        // wait out its visibility timeout after the process is gone.
        var abandoned = inFlight.Snapshot().Where(m => !m.Settling).ToList();
        abandoned.ForEach(settler.Release);
        released = settler.Released - released;

        await drainTimer.CancelAsync();

        // Every delete and release must reach SQS before the senders close; the heartbeat keeps going meanwhile.
        await Completes(settler.WhenAllSettledAsync(), SettleTimeout);
        await heartbeatStop.CancelAsync();
        await beating;
        Log.ConsumerStopped(logger, released);
        await pollers;
    }

    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(10);

    // How long after our last delete SQS may take to hand an unlocked message to a receive still waiting.
    private static readonly TimeSpan QuietBeforeAbort = TimeSpan.FromSeconds(1);

    private static async Task StoppedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // The host is stopping: drain.
        }
    }

    private async Task<QueueInfo> DescribeQueueAsync(TaskManagerOptions o, CancellationToken cancellationToken)
    {
        var url = o.QueueUrl?.ToString()
            ?? Environment.GetEnvironmentVariable("COPILOT_QUEUE_URI")
            ?? await services.GetRequiredService<QueueDirectory>().GetQueueUrlAsync(worker.Name, cancellationToken);
        QueueInfo queue;
        try
        {
            queue = await services.GetRequiredService<QueueDirectory>().DescribeAsync(url, o.MaxReceiveCount, cancellationToken);
        }
        catch (Exception ex) when (FatalReceiveErrors.WhatToFix(ex) is { } fix)
        {
            throw FatalReceiveErrors.Fail(url, fix, ex, logger);
        }

        if (queue.DeadLetterUrl is null)
        {
            Log.NoRedrivePolicy(logger, url);
        }

        return queue;
    }

    // A poller is wedged when it has neither received nor seen a handler finish for longer than a long poll,
    // the slowest task type and a margin together.
    private static TimeSpan StallLimit(TaskManagerOptions o, FrozenDictionary<string, FleetTaskType> settings) =>
        TimeSpan.FromSeconds(o.WaitTimeSeconds) + settings.Values.Max(s => s.Timeout) + TimeSpan.FromSeconds(60);

    private async Task<bool> Completes(Task task, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource();
        var delay = Task.Delay(within, time, timeout.Token);
        var first = await Task.WhenAny(task, delay);
        await timeout.CancelAsync();
        return first == task;
    }
}
