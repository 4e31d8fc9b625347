using Microsoft.Extensions.Logging;
using Workers.TaskManager.Options;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Consuming;

// What a failed delivery leads to. Every failure is recorded in the database before the message is handed back,
// so an operator who finds it in the dead-letter queue finds its error too.
//  - retryable: visibility = backoff (the rest of its group goes back behind it), or retried in place while later
//    messages of its group are held; on the last allowed receive made visible at once for SQS to dead-letter;
//  - permanent (retrying cannot fix it): sent to the dead-letter queue now with its reason, then deleted.
internal sealed class FailurePolicy(
    string worker,
    QueueInfo queue,
    TaskStore store,
    Settler settler,
    DeadLetterSender deadLetters,
    TaskManagerOptions options,
    TaskManagerMetrics metrics,
    ILogger logger)
{
    private readonly RetryBackoff _backoff = new(options.Retry);

    public async Task<TaskOutcome> FailAsync(ReceivedMessage message, TaskInfo? info, Exception exception, double durationMs, bool followersHeld, bool recorded = false)
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
            metrics.Handled(info?.TaskType ?? "", TaskOutcome.RetryInPlace, durationMs);
            return TaskOutcome.RetryInPlace;
        }

        if (followersHeld && await TryDeadLetterAsync(message, FailureKind.RetriesExhausted, $"Failed on all {message.Attempt} attempts; the last error: {exception.GetType().Name}: {exception.Message}"))
        {
            metrics.Handled(info?.TaskType ?? "", TaskOutcome.DeadLettered, durationMs);
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

        metrics.Handled(info?.TaskType ?? "", final ? TaskOutcome.DeadLettered : TaskOutcome.Failed, durationMs);
        return TaskOutcome.Failed;
    }

    public async Task<TaskOutcome> FailPermanentlyAsync(ReceivedMessage message, TaskInfo? info, PermanentTaskException failure, double durationMs)
    {
        await RecordAsync(message, info, failure, permanent: true, failure.Kind.ToString(), TaskState.DeadLettered);
        if (queue.DeadLetterUrl is null)
        {
            Log.DeadLetterFailed(logger, null, failure.Kind, failure.Message);
            settler.Backoff(message, options.Retry.MaxDelay);
            metrics.Handled(info?.TaskType ?? "", TaskOutcome.Failed, durationMs);
            return TaskOutcome.Failed;
        }

        if (!await TryDeadLetterAsync(message, failure.Kind, failure.Message))
        {
            return await FailAsync(message, info, failure, durationMs, followersHeld: false, recorded: true);
        }

        metrics.Handled(info?.TaskType ?? "", TaskOutcome.DeadLettered, durationMs);

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
}
