namespace Workers.TaskManager.Consuming;

// A new visibility timeout for a held message: an extension (heartbeat), a backoff after a failure, or 0 to
// hand it back to the queue at once.
internal readonly record struct VisibilityChange(ReceivedMessage Message, TimeSpan Timeout);
