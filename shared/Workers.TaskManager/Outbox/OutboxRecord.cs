namespace Workers.TaskManager.Outbox;

/// <summary>
/// A row of <c>taskmanager.outbox</c>: a task committed together with the effects that caused it, published by
/// the dispatcher of <see cref="SourceWorker"/> (or of <see cref="TargetWorker"/> when no worker wrote it) once
/// <see cref="DueAt"/> has come.
/// </summary>
public sealed class OutboxRecord
{
    /// <summary>The row's number; rows of one publisher are published in this order.</summary>
    public long Id { get; set; }

    /// <summary>The published task's id; its SQS deduplication id is derived from it, so a repeat is absorbed.</summary>
    public required string TaskId { get; set; }

    /// <summary>The worker whose step wrote the row, or null for code outside a worker (an HTTP entry point, the CLI).</summary>
    public string? SourceWorker { get; set; }

    /// <summary>The worker whose queue receives the task.</summary>
    public required string TargetWorker { get; set; }

    /// <summary>The task type, declared on the target worker.</summary>
    public required string TaskType { get; set; }

    /// <summary>The FIFO message group.</summary>
    public required string GroupId { get; set; }

    /// <summary>The body, as the caller serialized it (text, so it is published byte for byte).</summary>
    public required string Body { get; set; }

    /// <summary>When the task may be published; the commit time when the caller named none.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>When the row was written.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When SQS accepted the task; null while it is pending.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Failed publish attempts.</summary>
    public int Attempts { get; set; }

    /// <summary>The last publish failure.</summary>
    public string? LastError { get; set; }

    /// <summary>
    /// The W3C traceparent of the operation that enqueued the task, so its publish (and the task's handling)
    /// continues that trace however late it is due; null when nothing was traced.
    /// </summary>
    public string? TraceParent { get; set; }
}
