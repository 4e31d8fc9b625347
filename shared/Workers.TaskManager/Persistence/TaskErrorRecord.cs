namespace Workers.TaskManager.Persistence;

/// <summary>A row of <c>taskmanager.task_errors</c>: one failed delivery.</summary>
public sealed class TaskErrorRecord
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The task id, when the envelope could be read.</summary>
    public string? TaskId { get; set; }

    /// <summary>The worker.</summary>
    public required string Worker { get; set; }

    /// <summary>The task type, when the envelope could be read.</summary>
    public string? TaskType { get; set; }

    /// <summary>The SQS message id; the same in the dead-letter queue, so a DLQ message finds its errors here.</summary>
    public required string MessageId { get; set; }

    /// <summary>The FIFO message group.</summary>
    public string? GroupId { get; set; }

    /// <summary>SQS's receive count for the failed delivery.</summary>
    public int Attempt { get; set; }

    /// <summary>True when the failure cannot be fixed by retrying and the message went to the DLQ at once.</summary>
    public bool Permanent { get; set; }

    /// <summary>The <see cref="FailureKind"/> of a permanent failure, else <c>Exception</c> or <c>Timeout</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The exception's type name.</summary>
    public required string ExceptionType { get; set; }

    /// <summary>The exception's message: the reason operators read.</summary>
    public required string Message { get; set; }

    /// <summary>The stack trace, when there was an exception.</summary>
    public string? StackTrace { get; set; }

    /// <summary>When it failed.</summary>
    public DateTimeOffset OccurredAt { get; set; }
}
