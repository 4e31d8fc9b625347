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

// Handles one delivery from envelope to settlement: read the envelope (direct or SNS-wrapped), find the handler,
// load a claim-checked body, run the handler in its own DI scope under the task type's timeout, then delete the
// message, schedule a retry with backoff, or dead-letter it with the reason. Every failure is recorded in the
// database before the message is handed back, so an operator who sees it in the DLQ finds its error.
internal sealed class MessageProcessor(
    string worker,
    QueueInfo queue,
    TaskRegistry registry,
    FrozenDictionary<string, FleetTaskType> settings,
    IServiceScopeFactory scopes,
    ClaimCheckStore claimChecks,
    TaskStore store,
    TaskRecordWriter records,
    Settler settler,
    DeadLetterSender deadLetters,
    TaskManagerOptions options,
    TaskManagerMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    private readonly RetryBackoff _backoff = new(options.Retry);

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
            return await FailPermanentlyAsync(message, info, ex, started);
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
            return await FailAsync(message, info, ex, started, followersHeld);
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

    private async Task<TaskOutcome> FailAsync(ReceivedMessage message, TaskInfo? info, Exception exception, long started, bool followersHeld, bool recorded = false)
    {
        var final = queue.DeadLetterUrl is not null && message.Attempt >= queue.MaxReceiveCount;
        if (!recorded)
        {
            await RecordAsync(message, info, exception, permanent: false, exception is TimeoutException ? "Timeout" : "Exception", final ? TaskState.DeadLettered : TaskState.Retrying);
        }

        if (followersHeld && !final)
        {
            message.RetryDelay = _backoff.After(message.Attempt);
            Log.TaskFailed(logger, exception, message.Attempt, message.RetryDelay);
            metrics.Handled(info?.TaskType ?? "", TaskOutcome.RetryInPlace, Elapsed(started));
            return TaskOutcome.RetryInPlace;
        }

        if (followersHeld && await TryDeadLetterAsync(message, FailureKind.RetriesExhausted, $"Failed on all {message.Attempt} attempts; the last error: {exception.GetType().Name}: {exception.Message}"))
        {
            metrics.Handled(info?.TaskType ?? "", TaskOutcome.DeadLettered, Elapsed(started));
            return TaskOutcome.DeadLettered;
        }

        // After the last allowed receive the message is made visible at once: the next receive makes SQS move it
        // to the dead-letter queue instead of leaving it to wait out a backoff first.
        var delay = final ? TimeSpan.Zero : _backoff.After(message.Attempt);
        settler.Backoff(message, delay);
        if (final)
        {
            Log.TaskFailedFinal(logger, exception, message.Attempt, queue.MaxReceiveCount);
        }
        else
        {
            Log.TaskFailed(logger, exception, message.Attempt, delay);
        }

        metrics.Handled(info?.TaskType ?? "", final ? TaskOutcome.DeadLettered : TaskOutcome.Failed, Elapsed(started));
        return TaskOutcome.Failed;
    }

    private async Task<TaskOutcome> FailPermanentlyAsync(ReceivedMessage message, TaskInfo? info, PermanentTaskException failure, long started)
    {
        await RecordAsync(message, info, failure, permanent: true, failure.Kind.ToString(), TaskState.DeadLettered);
        if (queue.DeadLetterUrl is null)
        {
            Log.DeadLetterFailed(logger, null, failure.Kind, failure.Message);
            settler.Backoff(message, options.Retry.MaxDelay);
            metrics.Handled(info?.TaskType ?? "", TaskOutcome.Failed, Elapsed(started));
            return TaskOutcome.Failed;
        }

        if (!await TryDeadLetterAsync(message, failure.Kind, failure.Message))
        {
            return await FailAsync(message, info, failure, started, followersHeld: false, recorded: true);
        }

        metrics.Handled(info?.TaskType ?? "", TaskOutcome.DeadLettered, Elapsed(started));

        // The failed message is gone from the group, so the group carries on: nothing is held back.
        return TaskOutcome.DeadLettered;
    }

    // Sends the message to the dead-letter queue with its reason and deletes it; false if the DLQ refused it.
    private async Task<bool> TryDeadLetterAsync(ReceivedMessage message, FailureKind kind, string reason)
    {
        try
        {
            await deadLetters.SendAsync(message, kind, reason, CancellationToken.None);
        }
#pragma warning disable CA1031 // If the DLQ refuses it, the message is retried and SQS dead-letters it later: nothing is lost.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.DeadLetterFailed(logger, ex, kind, reason);
            return false;
        }

        Log.DeadLettered(logger, kind, reason);
        settler.Delete(message);
        return true;
    }

    private async Task RecordAsync(ReceivedMessage message, TaskInfo? info, Exception exception, bool permanent, string kind, TaskState state)
    {
        try
        {
            await store.RecordFailureAsync(
                new TaskFailure(worker, message.MessageId, message.GroupId, message.Attempt, info?.TaskId, info?.TaskType, permanent, kind, exception, state),
                CancellationToken.None);
        }
#pragma warning disable CA1031 // The database being down must not stop the message from being retried or dead-lettered.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.RecordFailureFailed(logger, ex, message.MessageId);
        }
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
