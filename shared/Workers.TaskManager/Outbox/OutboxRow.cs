namespace Workers.TaskManager.Outbox;

// A due row, as the dispatcher publishes it.
internal sealed record OutboxRow(long Id, string TaskId, string Target, string TaskType, string GroupId, string Body, string? TraceParent);
