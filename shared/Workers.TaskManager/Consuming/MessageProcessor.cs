using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Workers.TaskManager.Dispatch;
using Workers.TaskManager.Envelope;
using Workers.TaskManager.Outages;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Consuming;

// Handles one delivery: read the envelope (direct or SNS-wrapped), skip a task already recorded as succeeded,
// run the handler (TaskDispatcher), then delete the message and record the success. What a failure leads to
// (retry, retry in place, hold through an outage, dead-letter) is the FailurePolicy's to decide.
internal sealed class MessageProcessor(
    ConsumerContext context,
    TaskDispatcher dispatcher,
    TaskStore store,
    TaskRecordWriter records,
    Settler settler,
    FailurePolicy failures,
    OutageMonitor outages) : IMessageHandling
{
    private readonly ILogger _logger = context.Logger;

    // followersHeld: later messages of this message's FIFO group are held in this process behind it. A failure
    // is then retried in place (TaskOutcome.RetryInPlace) instead of handing the message back to SQS, which
    // would mean handing the followers back too and spending one of their receives each time.
    public async Task<TaskOutcome> ProcessAsync(ReceivedMessage message, bool followersHeld, CancellationToken shutdown)
    {
        var outcome = await ProcessOnceAsync(message, followersHeld, shutdown);
        if (message.Held is { } held && outcome is not TaskOutcome.WaitingForDependency)
        {
            // A held message got past its outage (it ran as the probe, or after the dependency came back).
            message.Held = null;
            outages.Recovered(held.Dependency);
        }

        return outcome;
    }

    public Task<TaskOutcome?> AwaitDependencyAsync(ReceivedMessage message, bool followersHeld, CancellationToken stopping) =>
        failures.AwaitDependencyAsync(message, followersHeld, stopping);

    public void Release(ReceivedMessage message) => settler.Release(message);

    private async Task<TaskOutcome> ProcessOnceAsync(ReceivedMessage message, bool followersHeld, CancellationToken shutdown)
    {
        var started = context.Time.GetTimestamp();
        ParsedEnvelope? envelope = null;
        Activity? activity = null;
        IDisposable? scope = null;
        TaskInfo? info = null;
        try
        {
            CheckSize(message);
            envelope = EnvelopeReader.Read(message.Message.Body);
            info = new TaskInfo(envelope.TaskId ?? message.MessageId, envelope.Type, context.Worker, message.MessageId, message.GroupId, message.Attempt);
            activity = TaskActivity.Start(info.TaskType, envelope.TraceParent);
            TaskActivity.Describe(activity, info);
            scope = BeginScope(info);
            return await HandleAsync(message, envelope, info, started, shutdown);
        }
        catch (PermanentTaskException ex)
        {
            activity ??= TaskActivity.Start("unreadable", null);
            TaskActivity.Failed(activity, ex);
            scope ??= BeginScope(message);
            return await failures.FailPermanentlyAsync(message, info, ex, Elapsed(started));
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            Log.CancelledByShutdown(_logger);
            settler.Release(message);
            context.Metrics.Handled(info?.TaskType ?? "", TaskOutcome.Released, Elapsed(started));
            return TaskOutcome.Released;
        }
#pragma warning disable CA1031 // Any handler failure is retried; the worker keeps serving the other messages.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            TaskActivity.Failed(activity, ex);
            scope ??= BeginScope(message);
            return await failures.FailAsync(message, info, ex, Elapsed(started), followersHeld);
        }
        finally
        {
            scope?.Dispose();
            activity?.Dispose();
            envelope?.Dispose();
        }
    }

    private async Task<TaskOutcome> HandleAsync(ReceivedMessage message, ParsedEnvelope envelope, TaskInfo info, long started, CancellationToken shutdown)
    {
        dispatcher.CheckHandled(info.TaskType);
        var recordCompleted = context.Options.RecordCompletedTasks;

        // Only a redelivery can be a repeat of a task that already succeeded; first deliveries skip the lookup.
        if (message.Attempt > 1 && recordCompleted && await store.HasSucceededAsync(info.TaskId, shutdown))
        {
            Log.Duplicate(_logger, info.TaskId);
            settler.Delete(message);
            context.Metrics.Handled(info.TaskType, TaskOutcome.Duplicate, Elapsed(started));
            return TaskOutcome.Duplicate;
        }

        await dispatcher.InvokeAsync(envelope, info, shutdown);

        settler.Delete(message);
        var duration = Elapsed(started);
        if (recordCompleted)
        {
            records.Succeeded(new TaskCompletion(info, context.Time.GetUtcNow(), duration));
        }

        context.Metrics.Handled(info.TaskType, TaskOutcome.Succeeded, duration);
        Log.TaskSucceeded(_logger, duration);
        return TaskOutcome.Succeeded;
    }

    private void CheckSize(ReceivedMessage message)
    {
        var max = context.Options.MaxBodyBytes;
        var body = message.Message.Body ?? "";
        if ((long)body.Length * 3 > max && Encoding.UTF8.GetByteCount(body) > max)
        {
            throw new PermanentTaskException(
                $"The message is {Encoding.UTF8.GetByteCount(body):N0} bytes; this worker accepts task bodies of at most {max:N0} (TaskManager:MaxBodyBytes).",
                FailureKind.BodyTooLarge);
        }
    }

    private IDisposable? BeginScope(TaskInfo info) =>
        _logger.BeginScope(new Dictionary<string, object?>
        {
            ["Worker"] = info.Worker,
            ["TaskType"] = info.TaskType,
            ["TaskId"] = info.TaskId,
            ["MessageId"] = info.MessageId,
            ["MessageGroupId"] = info.GroupId,
            ["Attempt"] = info.Attempt,
        });

    private IDisposable? BeginScope(ReceivedMessage message) =>
        _logger.BeginScope(new Dictionary<string, object?>
        {
            ["Worker"] = context.Worker,
            ["MessageId"] = message.MessageId,
            ["MessageGroupId"] = message.GroupId,
            ["Attempt"] = message.Attempt,
        });

    private double Elapsed(long started) => context.Time.GetElapsedTime(started).TotalMilliseconds;
}
