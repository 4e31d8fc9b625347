namespace Workers.TaskManager.Outbox;

// A row to write: checked against the fleet, with its task id fixed.
internal sealed record OutboxEntry(string TaskId, string Target, string TaskType, string GroupId, string Body, DateTimeOffset? DueAt);
