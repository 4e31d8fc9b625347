namespace Workers.TaskManager.Persistence;

/// <summary>A row of <c>taskmanager.task_rejections</c>: an item a committed chunk did not apply.</summary>
public sealed class TaskRejectionRecord
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The task id.</summary>
    public required string TaskId { get; set; }

    /// <summary>The chunk's step.</summary>
    public required string Step { get; set; }

    /// <summary>What identifies the item to a person.</summary>
    public required string ItemKey { get; set; }

    /// <summary>Why it was not applied.</summary>
    public required string Reason { get; set; }

    /// <summary>When the chunk committed.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
