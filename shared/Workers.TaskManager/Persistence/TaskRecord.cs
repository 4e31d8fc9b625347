namespace Workers.TaskManager.Persistence;

/// <summary>A row of <c>taskmanager.tasks</c>: one task's state and progress across its deliveries.</summary>
public sealed class TaskRecord
{
    /// <summary>The task id.</summary>
    public required string TaskId { get; set; }

    /// <summary>The worker that consumed it.</summary>
    public required string Worker { get; set; }

    /// <summary>The task type.</summary>
    public required string TaskType { get; set; }

    /// <summary>The FIFO message group.</summary>
    public string? GroupId { get; set; }

    /// <summary>The SQS message id of the latest delivery.</summary>
    public string? MessageId { get; set; }

    /// <summary>The current state.</summary>
    public TaskState State { get; set; }

    /// <summary>Deliveries so far (SQS's receive count of the latest).</summary>
    public int Attempts { get; set; }

    /// <summary>The chunk size fixed by the first attempt, so a retry cuts the same chunks.</summary>
    public int? ChunkSize { get; set; }

    /// <summary>Chunks in the item list, once known.</summary>
    public int? ChunksTotal { get; set; }

    /// <summary>Chunks committed.</summary>
    public int ChunksDone { get; set; }

    /// <summary>Items in the list, once known.</summary>
    public long? ItemsTotal { get; set; }

    /// <summary>Items in committed chunks.</summary>
    public long ItemsDone { get; set; }

    /// <summary>Items that committed chunks rejected.</summary>
    public long ItemsRejected { get; set; }

    /// <summary>When the task was first seen.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the latest row change happened.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When it succeeded or was dead-lettered.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>How long the last attempt ran, in milliseconds.</summary>
    public double? DurationMs { get; set; }

    /// <summary>The latest error message.</summary>
    public string? LastError { get; set; }
}
