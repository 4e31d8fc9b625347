using System.Collections.Frozen;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workers.Fleet;
using Workers.TaskManager.Dispatch;
using Workers.TaskManager.Envelope;
using Workers.TaskManager.Health;
using Workers.TaskManager.Options;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Consuming;

// The worker's consumer: finds its queue, runs the pollers, the group scheduler and the heartbeat, and on
// shutdown stops polling (cancelling long polls), returns messages that have not started, lets running
// handlers finish within the drain timeout, cancels the rest, and flushes deletes and records before exiting.
internal sealed class TaskConsumer(
    IServiceProvider services,
    IAmazonSQS sqs,
    QueueDirectory queues,
    FleetWorker worker,
    TaskRegistry registry,
    TaskRecordWriter records,
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
            Log.ConsumerFailed(logger, ex);
            throw;
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var queue = await DescribeQueueAsync(o, stoppingToken);
        var settings = TaskTypeSettings.Resolve(worker, o.TaskTypes);
        using var limiter = new InFlightLimiter(o.MaxInFlight);
        var inFlight = new InFlightMessages();
        await using var deletes = new DeleteSender(sqs, queue.Url, time, logger);
        await using var visibility = new VisibilitySender(sqs, queue.Url, time, logger);
        var settler = new Settler(deletes, visibility, inFlight, limiter, health, metrics, logger);
        var processor = new MessageProcessor(
            worker.Name,
            queue,
            registry,
            settings,
            services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<ClaimCheckStore>(),
            services.GetRequiredService<TaskStore>(),
            records,
            settler,
            new DeadLetterSender(sqs, queue, time),
            o,
            metrics,
            time,
            logger);
        var scheduler = new GroupScheduler(queue.IsFifo, processor.ProcessAsync, settler.Release, logger);
        var heartbeat = new VisibilityHeartbeat(inFlight, visibility, o.VisibilityTimeout, o.EffectiveHeartbeatInterval, metrics, time, logger);

        using var hardStop = new CancellationTokenSource();
        using var heartbeatStop = new CancellationTokenSource();
        scheduler.Start(hardStop.Token);
        records.Start();
        var beating = heartbeat.RunAsync(heartbeatStop.Token);

        var pollers = o.EffectivePollers;
        health.Started(pollers, StallLimit(o, settings));
        Log.ConsumerStarted(logger, queue.Url, queue.IsFifo, queue.DeadLetterUrl ?? "(none)", queue.MaxReceiveCount, pollers, o.MaxInFlight, string.Join(", ", registry.TaskTypes));
        await Task.WhenAll(Enumerable.Range(0, pollers).Select(i =>
            new QueuePoller(i, sqs, queue, o, limiter, inFlight, scheduler, health, metrics, time, logger).RunAsync(stoppingToken)));

        // Polling has stopped: drain.
        health.Draining();
        var released = scheduler.BeginDrain();
        Log.Draining(logger, scheduler.Running, o.DrainTimeout, released);
        if (!await Completes(scheduler.Idle, o.DrainTimeout))
        {
            Log.DrainTimedOut(logger, scheduler.Running);
            await hardStop.CancelAsync();
            await Completes(scheduler.Idle, o.ForcedStopGrace);
        }

        await heartbeatStop.CancelAsync();
        await beating;
        await visibility.DisposeAsync();
        await deletes.DisposeAsync();
        await records.DisposeAsync();
        Log.ConsumerStopped(logger, inFlight.Count);
    }

    private async Task<QueueInfo> DescribeQueueAsync(TaskManagerOptions o, CancellationToken cancellationToken)
    {
        var url = o.QueueUrl?.ToString()
            ?? Environment.GetEnvironmentVariable("COPILOT_QUEUE_URI")
            ?? await queues.GetQueueUrlAsync(worker.Name, cancellationToken);
        var queue = await queues.DescribeAsync(url, o.MaxReceiveCount, cancellationToken);
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
