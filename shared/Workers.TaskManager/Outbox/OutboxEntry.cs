namespace Workers.TaskManager.Outbox;

// A row to write: checked against the fleet, with its task id fixed.
// TraceParent is the enqueuing operation's trace context, so the publish, however late, continues its trace.
internal sealed record OutboxEntry(string TaskId, string Target, string TaskType, string GroupId, string Body, DateTimeOffset? DueAt, string? TraceParent);
