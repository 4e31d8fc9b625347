namespace Workers.Cli.Enqueue;

// What `workers enqueue` was asked to do, as parsed.
internal sealed record EnqueueRequest(
    string Worker,
    string TaskType,
    string? Body,
    FileInfo? BodyFile,
    FileInfo? File,
    string? Group,
    string? TaskId,
    bool Wait,
    TimeSpan Timeout,
    TimeSpan? Delay = null);
