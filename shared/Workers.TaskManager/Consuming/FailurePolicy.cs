using Microsoft.Extensions.Logging;
using Workers.TaskManager.Outages;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Consuming;

// What a failed delivery leads to. Every failure is recorded before the message is handed back, so an operator
// who finds it in the dead-letter queue finds its error too (if the database is down, the record waits and is
// written when it is back).
//  - a dependency outage (OutageMonitor): the message is held in place until the dependency is back, and no
//    attempt is counted; past Outage:MaxHold it is treated as below;
//  - retryable: visibility = backoff (the rest of its group goes back behind it), or retried in place while later
//    messages of its group are held; on the last allowed receive made visible at once for SQS to dead-letter;
//  - permanent (retrying cannot fix it): sent to the dead-letter queue now with its reason, then deleted.
internal sealed class FailurePolicy(
    ConsumerContext context,
    Settler settler,
    DeadLetterSender deadLetters,
    FailureRecorder records,
    OutageMonitor outages)
{
    private const string DependencyUnavailableKind = "DependencyUnavailable";

    private readonly RetryBackoff _backoff = new(context.Options.Retry);
    private readonly ILogger _logger = context.Logger;

    public async Task<TaskOutcome> FailAsync(ReceivedMessage message, TaskInfo? info, Exception exception, double durationMs, bool followersHeld)
    {
        if (outages.Enabled && await OutageBehindAsync(exception) is ({ } dependency, var retryAfter))
        {
            if (message.Held is not { } held || context.Time.GetElapsedTime(held.Since) < context.Options.Outage.MaxHold)
            {
                return await HoldAsync(message, info, exception, dependency, retryAfter, durationMs);
            }

            // Held as long as allowed (it ran as the probe when its time ran out).
            return await GiveUpHoldAsync(message, held with { LastError = exception }, followersHeld);
        }

        return await RetryAsync(message, info, exception, durationMs, followersHeld, recorded: false);
    }

    // The dependency whose outage caused this failure: one the exception names; else one already known to be
    // down; else one the exception hints at (a transaction the server ended) whose probe confirms it is down.
    private async Task<(string? Dependency, TimeSpan? RetryAfter)> OutageBehindAsync(Exception exception)
    {
        if (DependencyFailures.DependencyOf(exception, out var retryAfter) is { } named)
        {
            return (named, retryAfter);
        }

        if (outages.AnyUnavailable() is { } down)
        {
            return (down, null);
        }

        return DependencyFailures.Suspected(exception) is { } suspected && await outages.IsDownAsync(suspected)
            ? (suspected, null)
            : (null, null);
    }

    // Waits out the outage of a held message's dependency: null to run it again, else how it was settled.
    public async Task<TaskOutcome?> AwaitDependencyAsync(ReceivedMessage message, bool followersHeld, CancellationToken stopping)
    {
        var held = message.Held!;
        switch (await outages.HoldAsync(held, stopping))
        {
            case HoldEnd.Retry:
                return null;
            case HoldEnd.Stopping:
                message.Held = null;
                settler.Release(message);
                return TaskOutcome.Released;
            default:
                return await GiveUpHoldAsync(message, held, followersHeld);
        }
    }

    // Held as long as allowed: it goes back like any failure (the dependency is still down, so no Recovered for
    // it). Its error is recorded already, unless this was its last receive: then the record says it is
    // dead-lettered, and why.
    private async Task<TaskOutcome> GiveUpHoldAsync(ReceivedMessage message, HeldDelivery held, bool followersHeld)
    {
        message.Held = null;
        outages.Left(held.Dependency);
        Log.HoldExpired(_logger, held.Dependency, context.Options.Outage.MaxHold);
        if (IsFinal(message))
        {
            var gaveUp = new TimeoutException(
                $"Held {context.Options.Outage.MaxHold} waiting for {held.Dependency} (TaskManager:Outage:MaxHold) on the last allowed receive; the last error: {held.LastError.Message}",
                held.LastError);
            await RecordAsync(message, held.Info, gaveUp, permanent: false, DependencyUnavailableKind, TaskState.DeadLettered);
        }

        return await RetryAsync(message, held.Info, held.LastError, 0, followersHeld, recorded: true);
    }

    public async Task<TaskOutcome> FailPermanentlyAsync(ReceivedMessage message, TaskInfo? info, PermanentTaskException failure, double durationMs)
    {
        var queue = context.Queue;
        await RecordAsync(message, info, failure, permanent: true, failure.Kind.ToString(), TaskState.DeadLettered);
        if (queue.DeadLetterUrl is null)
        {
            Log.DeadLetterFailed(_logger, null, failure.Kind, failure.Message);
            settler.Backoff(message, context.Options.Retry.MaxDelay);
            context.Metrics.Handled(info?.TaskType ?? "", TaskOutcome.Failed, durationMs);
            return TaskOutcome.Failed;
        }

        if (!await TryDeadLetterAsync(message, failure.Kind, failure.Message))
        {
            return await RetryAsync(message, info, failure, durationMs, followersHeld: false, recorded: true);
        }

        context.Metrics.Handled(info?.TaskType ?? "", TaskOutcome.DeadLettered, durationMs);

        // The failed message is gone from the group, so the group carries on: nothing is held back.
        return TaskOutcome.DeadLettered;
    }

    private async Task<TaskOutcome> HoldAsync(ReceivedMessage message, TaskInfo? info, Exception exception, string dependency, TimeSpan? retryAfter, double durationMs)
    {
        if (message.Held is not { } held)
        {
            // The first failure of this stay is recorded; the probes that fail after it are not (one row per
            // outage, not one per probe).
            await RecordAsync(message, info, exception, permanent: false, DependencyUnavailableKind, TaskState.Retrying);
            message.Held = new HeldDelivery(dependency, context.Time.GetTimestamp(), info, exception);
            Log.TaskHeld(_logger, exception, dependency, message.Attempt);
        }
        else
        {
            if (held.Dependency != dependency)
            {
                outages.Recovered(held.Dependency); // it got past that one and met another
            }

            message.Held = held with { Dependency = dependency, LastError = exception };
        }

        outages.Unavailable(dependency, exception, retryAfter);
        context.Metrics.Handled(info?.TaskType ?? "", TaskOutcome.WaitingForDependency, durationMs);
        return TaskOutcome.WaitingForDependency;
    }

    private async Task<TaskOutcome> RetryAsync(ReceivedMessage message, TaskInfo? info, Exception exception, double durationMs, bool followersHeld, bool recorded)
    {
        var queue = context.Queue;
        var final = IsFinal(message);
        if (!recorded)
        {
            await RecordAsync(message, info, exception, permanent: false, exception is TimeoutException ? "Timeout" : "Exception", final ? TaskState.DeadLettered : TaskState.Retrying);
        }

        if (followersHeld && !final)
        {
            message.RetryDelay = _backoff.After(message.Attempt);
            Log.TaskFailed(_logger, exception, message.Attempt, message.RetryDelay);
            context.Metrics.Handled(info?.TaskType ?? "", TaskOutcome.RetryInPlace, durationMs);
            return TaskOutcome.RetryInPlace;
        }

        if (followersHeld && await TryDeadLetterAsync(message, FailureKind.RetriesExhausted, $"Failed on all {message.Attempt} attempts; the last error: {exception.GetType().Name}: {exception.Message}"))
        {
            context.Metrics.Handled(info?.TaskType ?? "", TaskOutcome.DeadLettered, durationMs);
            return TaskOutcome.DeadLettered;
        }

        // After the last allowed receive the message is made visible at once: the next receive makes SQS move it
        // to the dead-letter queue instead of leaving it to wait out a backoff first.
        var delay = final ? TimeSpan.Zero : _backoff.After(message.Attempt);
        settler.Backoff(message, delay);
        if (final)
        {
            Log.TaskFailedFinal(_logger, exception, message.Attempt, queue.MaxReceiveCount);
        }
        else
        {
            Log.TaskFailed(_logger, exception, message.Attempt, delay);
        }

        context.Metrics.Handled(info?.TaskType ?? "", final ? TaskOutcome.DeadLettered : TaskOutcome.Failed, durationMs);
        return TaskOutcome.Failed;
    }

    private bool IsFinal(ReceivedMessage message) =>
        context.Queue.DeadLetterUrl is not null && message.Attempt >= context.Queue.MaxReceiveCount;

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
            Log.DeadLetterFailed(_logger, ex, kind, reason);
            return false;
        }

        Log.DeadLettered(_logger, kind, reason);
        settler.Delete(message);
        return true;
    }

    private Task RecordAsync(ReceivedMessage message, TaskInfo? info, Exception exception, bool permanent, string kind, TaskState state) =>
        records.RecordAsync(new TaskFailure(context.Worker, message.MessageId, message.GroupId, message.Attempt, info?.TaskId, info?.TaskType, permanent, kind, exception, state));
}
