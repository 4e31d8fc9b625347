using System.Collections.Frozen;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workers.Fleet;
using Workers.TaskManager.Dispatch;
using Workers.TaskManager.Envelope;
using Workers.TaskManager.Options;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Consuming;

// Handles one delivery: read the envelope (direct or SNS-wrapped), find the handler, load a claim-checked body,
// run the handler in its own DI scope under the task type's timeout, then delete the message. What a failure
// leads to (retry, retry in place, dead-letter) is the FailurePolicy's to decide.
internal sealed class MessageProcessor(
    string worker,
    TaskRegistry registry,
    FrozenDictionary<string, FleetTaskType> settings,
    IServiceScopeFactory scopes,
    ClaimCheckStore claimChecks,
    TaskStore store,
    TaskRecordWriter records,
    Settler settler,
    FailurePolicy failures,
    TaskManagerOptions options,
    TaskManagerMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    // followersHeld: later messages of this message's FIFO group are held in this process behind it. A failure
    // is then retried in place (TaskOutcome.RetryInPlace) instead of handing the message back to SQS, which
    // would mean handing the followers back too and spending one of their receives each time.
    public async Task<TaskOutcome> ProcessAsync(ReceivedMessage message, bool followersHeld, CancellationToken shutdown)
    {
        var started = time.GetTimestamp();
        ParsedEnvelope? envelope = null;
        Activity? activity = null;
        IDisposable? scope = null;
        TaskInfo? info = null;
        try
        {
            CheckSize(message);
            envelope = EnvelopeReader.Read(message.Message.Body);
            info = new TaskInfo(envelope.TaskId ?? message.MessageId, envelope.Type, worker, message.MessageId, message.GroupId, message.Attempt);
            activity = TaskActivity.Start(info.TaskType, envelope.TraceParent);
            scope = BeginScope(info);
            return await HandleAsync(message, envelope, info, started, shutdown);
        }
        catch (PermanentTaskException ex)
        {
            activity ??= TaskActivity.Start("unreadable", null);
            scope ??= BeginScope(message);
            return await failures.FailPermanentlyAsync(message, info, ex, Elapsed(started));
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            Log.CancelledByShutdown(logger);
            settler.Release(message);
            metrics.Handled(info?.TaskType ?? "", TaskOutcome.Released, Elapsed(started));
            return TaskOutcome.Released;
        }
#pragma warning disable CA1031 // Any handler failure is retried; the worker keeps serving the other messages.
        catch (Exception ex)
#pragma warning restore CA1031
        {
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
        if (!registry.TryGet(info.TaskType, out var invoker))
        {
            throw new PermanentTaskException(
                $"No handler for task type '{info.TaskType}' in worker '{worker}' (it handles: {string.Join(", ", registry.TaskTypes)}).",
                FailureKind.UnknownTaskType);
        }

        // Only a redelivery can be a repeat of a task that already succeeded; first deliveries skip the lookup.
        if (message.Attempt > 1 && options.RecordCompletedTasks && await store.HasSucceededAsync(info.TaskId, shutdown))
        {
            Log.Duplicate(logger, info.TaskId);
            settler.Delete(message);
            metrics.Handled(info.TaskType, TaskOutcome.Duplicate, Elapsed(started));
            return TaskOutcome.Duplicate;
        }

        var taskSettings = settings[info.TaskType];
        using var loaded = envelope.BodyReference is { } reference
            ? await claimChecks.GetAsync(reference, options.MaxBodyBytes, shutdown)
            : null;
        var body = loaded?.RootElement ?? envelope.Body!.Value;

        using var timeout = new CancellationTokenSource(taskSettings.Timeout, time);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, shutdown);
        try
        {
            await using var services = scopes.CreateAsyncScope();
            await invoker.InvokeAsync(new TaskInvocation(services.ServiceProvider, info, taskSettings, body), cancellation.Token);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !shutdown.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The {info.TaskType} handler ran past its timeout of {taskSettings.Timeout} and was cancelled.", ex);
        }

        settler.Delete(message);
        var duration = Elapsed(started);
        if (options.RecordCompletedTasks)
        {
            records.Succeeded(new TaskCompletion(info, time.GetUtcNow(), duration));
        }

        metrics.Handled(info.TaskType, TaskOutcome.Succeeded, duration);
        Log.TaskSucceeded(logger, duration);
        return TaskOutcome.Succeeded;
    }

    private void CheckSize(ReceivedMessage message)
    {
        var body = message.Message.Body ?? "";
        if ((long)body.Length * 3 > options.MaxBodyBytes && Encoding.UTF8.GetByteCount(body) > options.MaxBodyBytes)
        {
            throw new PermanentTaskException(
                $"The message is {Encoding.UTF8.GetByteCount(body):N0} bytes; this worker accepts task bodies of at most {options.MaxBodyBytes:N0} (TaskManager:MaxBodyBytes).",
                FailureKind.BodyTooLarge);
        }
    }

    private IDisposable? BeginScope(TaskInfo info) =>
        logger.BeginScope(new Dictionary<string, object?>
        {
            ["Worker"] = info.Worker,
            ["TaskType"] = info.TaskType,
            ["TaskId"] = info.TaskId,
            ["MessageId"] = info.MessageId,
            ["MessageGroupId"] = info.GroupId,
            ["Attempt"] = info.Attempt,
        });

    private IDisposable? BeginScope(ReceivedMessage message) =>
        logger.BeginScope(new Dictionary<string, object?>
        {
            ["Worker"] = worker,
            ["MessageId"] = message.MessageId,
            ["MessageGroupId"] = message.GroupId,
            ["Attempt"] = message.Attempt,
        });

    private double Elapsed(long started) => time.GetElapsedTime(started).TotalMilliseconds;
}
