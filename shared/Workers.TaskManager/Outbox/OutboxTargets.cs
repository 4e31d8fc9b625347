using System.Diagnostics;
using Workers.Fleet;
using Workers.TaskManager.Publishing;

namespace Workers.TaskManager.Outbox;

// The checks every enqueue makes before anything is written: a row that fails them could never be delivered,
// so it is a programming error reported at the Enqueue call, not a message that fails later.
internal static class OutboxTargets
{
    // SQS's limit on a message group id and a deduplication id; task ids become the latter's source.
    // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
    private const int MaxIdLength = 128;

    // `source` is the enqueuing worker, or null for code outside a worker (then any declared target is allowed:
    // the target's own dispatcher publishes the row). A worker may always enqueue to its own queue.
    public static OutboxEntry Check(FleetDeclaration fleet, FleetWorker? source, string target, TaskMessage message, DateTimeOffset? dueAt)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentNullException.ThrowIfNull(message);
        if (!fleet.Workers.TryGetValue(target, out var worker))
        {
            throw new InvalidOperationException(
                $"Cannot enqueue '{message.TaskType}' to '{target}': no such worker in shared/fleet.json (declared: {string.Join(", ", fleet.Workers.Keys.Order(StringComparer.Ordinal))}).");
        }

        if (source is not null && source.Name != target && !source.PublishesTo.Contains(target, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"Worker '{source.Name}' cannot enqueue to '{target}': add it to the worker's publishesTo in shared/fleet.json (its IAM policy allows only those queues; now: {(source.PublishesTo.Count == 0 ? "none" : string.Join(", ", source.PublishesTo))}).");
        }

        if (!worker.TaskTypes.ContainsKey(message.TaskType))
        {
            throw new InvalidOperationException(
                $"Worker '{target}' does not handle task type '{message.TaskType}' (declared: {string.Join(", ", worker.TaskTypes.Keys.Order(StringComparer.Ordinal))}).");
        }

        if (string.IsNullOrEmpty(message.GroupId) || message.GroupId.Length > MaxIdLength)
        {
            throw new ArgumentException($"The message group id must have 1 to {MaxIdLength} characters.", nameof(message));
        }

        if (message.TaskId is { Length: 0 or > MaxIdLength })
        {
            throw new ArgumentException($"A task id must have 1 to {MaxIdLength} characters.", nameof(message));
        }

        if (message.DeduplicationId is not null)
        {
            // The row's task id is the deduplication id's one source: a repeat after a crash must carry the same one.
            throw new ArgumentException("An outbox message takes no deduplication id: it is derived from the task id.", nameof(message));
        }

        return new OutboxEntry(message.TaskId ?? Guid.CreateVersion7().ToString(), target, message.TaskType, message.GroupId, message.Body.GetRawText(), dueAt, TraceParent(message));
    }

    // The trace the row continues: the message's own, else the current activity's; only a W3C traceparent (what
    // the column holds and the publisher parses), never a legacy hierarchical id.
    private static string? TraceParent(TaskMessage message)
    {
        var traceParent = message.TraceParent ?? Activity.Current?.Id;
        return ActivityContext.TryParse(traceParent, null, out _) && traceParent!.Length <= 64 ? traceParent : null;
    }
}
