namespace Workers.Cli.DeadLetters;

// A message put back on the worker's queue.
internal sealed record MovedMessage(string? TaskId, string? TaskType, string? GroupId, string DeadLetterMessageId, string NewMessageId);
