using System.Text.Json;

namespace Workers.TaskManager.Publishing;

/// <summary>A task to publish.</summary>
/// <param name="TaskType">The wire name the consuming worker registered, e.g. <c>updateStock</c>.</param>
/// <param name="Body">The body as JSON (see <see cref="Create{TBody}"/>).</param>
/// <param name="GroupId">
/// The FIFO message group: tasks of one group are handled strictly in order, different groups in parallel.
/// Name what must stay ordered (a store, an order). Ignored on standard queues.
/// </param>
/// <param name="TaskId">An id of the caller's (an idempotency key); a new time-ordered id when null.</param>
/// <param name="DeduplicationId">
/// SQS's deduplication id; when null it is derived from the content: a hash of the task id when the caller gave
/// one, else of task type, group and body, so the same operation published twice within SQS's five-minute window
/// is delivered once.
/// </param>
/// <param name="TraceParent">
/// The W3C traceparent of the operation that caused the task, when it is not the current one (the outbox publishes
/// rows written by other transactions); null to continue the current activity's trace.
/// </param>
public sealed record TaskMessage(
    string TaskType,
    JsonElement Body,
    string GroupId,
    string? TaskId = null,
    string? DeduplicationId = null,
    string? TraceParent = null)
{
    /// <summary>A message whose body is <paramref name="body"/> serialized with <see cref="TaskJson.Options"/>.</summary>
    public static TaskMessage Create<TBody>(string taskType, TBody body, string groupId, string? taskId = null) =>
        new(taskType, JsonSerializer.SerializeToElement(body, TaskJson.Options), groupId, taskId);
}
