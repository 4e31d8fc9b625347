using Microsoft.Extensions.Logging;

namespace Workers.TaskManager.Telemetry;

// Every log line the TaskManager writes. Task identifiers (Worker, TaskType, TaskId, MessageId, MessageGroupId,
// Attempt) come from the per-message scope, the trace id from the current Activity.
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Consuming {QueueUrl} (FIFO: {Fifo}; dead-letter queue {DeadLetterQueueUrl} after {MaxReceiveCount} receives) with {Pollers} pollers and up to {MaxInFlight} messages in flight; task types: {TaskTypes}")]
    public static partial void ConsumerStarted(ILogger logger, string queueUrl, bool fifo, string deadLetterQueueUrl, int maxReceiveCount, int pollers, int maxInFlight, string taskTypes);

    [LoggerMessage(1001, LogLevel.Warning, "Queue {QueueUrl} has no redrive policy: failed messages are retried with backoff for as long as the queue keeps them, and poison messages cannot be dead-lettered")]
    public static partial void NoRedrivePolicy(ILogger logger, string queueUrl);

    [LoggerMessage(1002, LogLevel.Warning, "Receiving from {QueueUrl} failed; trying again in {RetryDelay}")]
    public static partial void ReceiveFailed(ILogger logger, Exception exception, string queueUrl, TimeSpan retryDelay);

    [LoggerMessage(1003, LogLevel.Warning, "Message {MessageId} was delivered again while still held (its visibility timeout ran out); the newer receipt handle replaces the old one and the message is not handled twice")]
    public static partial void Redelivered(ILogger logger, string messageId);

    [LoggerMessage(1004, LogLevel.Information, "Stopping: no new receives; {Running} task(s) running may finish within {DrainTimeout}")]
    public static partial void Draining(ILogger logger, int running, TimeSpan drainTimeout);

    [LoggerMessage(1005, LogLevel.Warning, "The drain timeout passed with {Running} task(s) still running; cancelling them and returning their messages to the queue")]
    public static partial void DrainTimedOut(ILogger logger, int running);

    [LoggerMessage(1006, LogLevel.Information, "Consumer stopped; {Returned} message(s) that had not finished were returned to the queue")]
    public static partial void ConsumerStopped(ILogger logger, long returned);

    [LoggerMessage(1007, LogLevel.Critical, "The consumer failed and the worker is stopping")]
    public static partial void ConsumerFailed(ILogger logger, Exception exception);

    [LoggerMessage(1100, LogLevel.Debug, "Task succeeded in {DurationMs:0.0} ms")]
    public static partial void TaskSucceeded(ILogger logger, double durationMs);

    [LoggerMessage(1101, LogLevel.Warning, "Task failed on attempt {Attempt}; it is retried in {RetryDelay}")]
    public static partial void TaskFailed(ILogger logger, Exception exception, int attempt, TimeSpan retryDelay);

    [LoggerMessage(1102, LogLevel.Error, "Task failed on attempt {Attempt} of {MaxReceiveCount}; SQS moves it to the dead-letter queue on its next receive")]
    public static partial void TaskFailedFinal(ILogger logger, Exception exception, int attempt, int maxReceiveCount);

    [LoggerMessage(1103, LogLevel.Error, "Message moved to the dead-letter queue without retrying ({FailureKind}): {Reason}")]
    public static partial void DeadLettered(ILogger logger, FailureKind failureKind, string reason);

    [LoggerMessage(1104, LogLevel.Error, "Could not move the message to the dead-letter queue ({FailureKind}: {Reason}); it is retried with backoff instead and SQS dead-letters it after its last receive")]
    public static partial void DeadLetterFailed(ILogger logger, Exception? exception, FailureKind failureKind, string reason);

    [LoggerMessage(1105, LogLevel.Information, "Task {TaskId} already succeeded; deleting this repeated delivery")]
    public static partial void Duplicate(ILogger logger, string taskId);

    [LoggerMessage(1106, LogLevel.Information, "Returned {Count} later message(s) of group {MessageGroupId} to the queue so none overtakes the failed one")]
    public static partial void HeldBack(ILogger logger, int count, string messageGroupId);

    [LoggerMessage(1107, LogLevel.Warning, "Task cancelled by shutdown; its message is returned to the queue")]
    public static partial void CancelledByShutdown(ILogger logger);

    [LoggerMessage(1108, LogLevel.Error, "Could not record the failure of message {MessageId} in the database")]
    public static partial void RecordFailureFailed(ILogger logger, Exception exception, string messageId);

    [LoggerMessage(1200, LogLevel.Error, "Deleting message {MessageId} failed ({ErrorCode}: {ErrorMessage}); SQS will deliver it again and the task record and step ledger keep it from being applied twice")]
    public static partial void DeleteFailed(ILogger logger, string messageId, string? errorCode, string? errorMessage);

    [LoggerMessage(1201, LogLevel.Warning, "Setting the visibility of message {MessageId} to {Timeout} failed ({ErrorCode}: {ErrorMessage})")]
    public static partial void VisibilityChangeFailed(ILogger logger, string messageId, TimeSpan timeout, string? errorCode, string? errorMessage);

    [LoggerMessage(1202, LogLevel.Warning, "Message {MessageId} has been held for the 12 hours SQS allows at most; it will become visible again")]
    public static partial void VisibilityLimitReached(ILogger logger, string messageId);

    [LoggerMessage(1300, LogLevel.Warning, "Could not record {Count} finished task(s) in the database; the tasks themselves succeeded")]
    public static partial void TaskRecordsFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(1301, LogLevel.Warning, "{Count} finished-task record(s) were dropped because the database fell behind")]
    public static partial void TaskRecordsDropped(ILogger logger, long count);

    [LoggerMessage(1400, LogLevel.Warning, "Writing metrics failed")]
    public static partial void MetricsFailed(ILogger logger, Exception exception);

    [LoggerMessage(1500, LogLevel.Warning, "{Dependency} is unavailable: receiving is paused, messages that met the outage are held without spending receives, and the worker probes it ({ProbeBy}) with backoff")]
    public static partial void DependencyUnavailable(ILogger logger, Exception exception, string dependency, string probeBy);

    [LoggerMessage(1501, LogLevel.Information, "{Dependency} is still unavailable after {FailedProbes} probe(s), {Down} since the first failure; {Held} message(s) held")]
    public static partial void DependencyStillUnavailable(ILogger logger, string dependency, int failedProbes, TimeSpan down, int held);

    [LoggerMessage(1502, LogLevel.Information, "{Dependency} is back after {Down}; receiving again and resuming {Held} held message(s) in place")]
    public static partial void DependencyRestored(ILogger logger, string dependency, TimeSpan down, int held);

    [LoggerMessage(1503, LogLevel.Debug, "Probing {Dependency} failed: {Reason}")]
    public static partial void ProbeFailed(ILogger logger, string dependency, string reason);

    [LoggerMessage(1504, LogLevel.Warning, "Task met an outage of {Dependency} on attempt {Attempt}; the message is held and retried in place when it is back, without counting an attempt")]
    public static partial void TaskHeld(ILogger logger, Exception exception, string dependency, int attempt);

    [LoggerMessage(1505, LogLevel.Warning, "Message held for {MaxHold} waiting for {Dependency} (TaskManager:Outage:MaxHold); it goes back to the queue with backoff like any failure")]
    public static partial void HoldExpired(ILogger logger, string dependency, TimeSpan maxHold);

    [LoggerMessage(1506, LogLevel.Information, "Wrote {Count} failure record(s) that waited for the database")]
    public static partial void FailureRecordsWritten(ILogger logger, int count);

    [LoggerMessage(1507, LogLevel.Error, "Failure record lost (the database stayed unavailable): task {TaskId} ({TaskType}), message {MessageId}, attempt {Attempt}, {FailureKind}: {Error}")]
    public static partial void FailureRecordLost(ILogger logger, string? taskId, string? taskType, string messageId, int attempt, string failureKind, string error);

    [LoggerMessage(1508, LogLevel.Warning, "Could not record {Count} finished task(s): the database is unavailable; they are written when it is back")]
    public static partial void TaskRecordsWaiting(ILogger logger, Exception exception, int count);

    [LoggerMessage(1008, LogLevel.Critical, "Cannot receive from {QueueUrl}: {WhatToFix} ({ErrorCode}: {ErrorMessage}). No retry can fix this: the worker stops")]
    public static partial void QueueUnusable(ILogger logger, string queueUrl, string whatToFix, string errorCode, string errorMessage);

    [LoggerMessage(1600, LogLevel.Information, "Publishing the outbox of {Worker} (follow-ups its steps commit, and tasks for it enqueued outside a worker) on NOTIFY, when due, and at least every {PollInterval}")]
    public static partial void OutboxStarted(ILogger logger, string worker, TimeSpan pollInterval);

    [LoggerMessage(1601, LogLevel.Debug, "Published {Count} outbox task(s) to {TargetWorkers}")]
    public static partial void OutboxPublished(ILogger logger, int count, string targetWorkers);

    [LoggerMessage(1602, LogLevel.Warning, "{Count} outbox task(s) for {TargetWorker} were not published ({Error}); they stay in the outbox and are due again after a backoff, their groups held behind them")]
    public static partial void OutboxPublishFailed(ILogger logger, Exception? exception, int count, string targetWorker, string error);

    [LoggerMessage(1603, LogLevel.Warning, "The outbox dispatcher is waiting for {Dependency}; trying again in {RetryDelay}")]
    public static partial void OutboxWaiting(ILogger logger, Exception exception, string dependency, TimeSpan retryDelay);

    [LoggerMessage(1604, LogLevel.Information, "The outbox dispatcher reached {Dependency} again")]
    public static partial void OutboxDependencyBack(ILogger logger, string dependency);

    [LoggerMessage(1605, LogLevel.Error, "The outbox dispatcher failed; trying again in {RetryDelay}")]
    public static partial void OutboxFailed(ILogger logger, Exception exception, TimeSpan retryDelay);

    [LoggerMessage(1606, LogLevel.Information, "Deleted {Count} outbox row(s) sent more than {Retention} ago")]
    public static partial void OutboxCleaned(ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(1607, LogLevel.Information, "Outbox dispatcher stopped; {Published} task(s) published while stopping")]
    public static partial void OutboxStopped(ILogger logger, int published);

    [LoggerMessage(1700, LogLevel.Information, "Scheduler started for worker {Worker}: {Schedules}")]
    public static partial void SchedulerStarted(ILogger logger, string worker, string schedules);

    [LoggerMessage(1701, LogLevel.Information, "Schedule {Schedule}: occurrence {Occurrence:o} enqueued as {TaskType} task {TaskId} ({Lateness} after it)")]
    public static partial void OccurrenceEnqueued(ILogger logger, string schedule, DateTimeOffset occurrence, string taskType, string taskId, TimeSpan lateness);

    [LoggerMessage(1702, LogLevel.Warning, "Schedule {Schedule}: {Count} missed occurrence(s) from {From:o} to {To:o} are skipped, not enqueued: older than the catch-up window ({Window}), or before the latest of a schedule that catches up only its latest")]
    public static partial void OccurrencesSkipped(ILogger logger, string schedule, long count, DateTimeOffset from, DateTimeOffset to, TimeSpan window);

    [LoggerMessage(1703, LogLevel.Warning, "Scheduler waits for {Dependency}; retrying in {Delay} (missed occurrences are caught up when it is back)")]
    public static partial void SchedulerWaiting(ILogger logger, Exception exception, string dependency, TimeSpan delay);

    [LoggerMessage(1704, LogLevel.Error, "Scheduler round failed; retrying in {Delay}")]
    public static partial void SchedulerFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(1705, LogLevel.Information, "Scheduler stopped")]
    public static partial void SchedulerStopped(ILogger logger);
}
