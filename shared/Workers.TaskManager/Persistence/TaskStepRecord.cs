namespace Workers.TaskManager.Persistence;

/// <summary>
/// A row of the ledger <c>taskmanager.task_steps</c>: written in the same transaction as a chunk's (or a
/// transaction step's) effects, so its presence proves the effects are committed.
/// </summary>
public sealed class TaskStepRecord
{
    /// <summary>The task id.</summary>
    public required string TaskId { get; set; }

    /// <summary>The step, e.g. <c>items/17</c> for chunk 17 of the list named <c>items</c>.</summary>
    public required string Step { get; set; }

    /// <summary>The delivery that committed it.</summary>
    public int Attempt { get; set; }

    /// <summary>Items in the chunk.</summary>
    public int Items { get; set; }

    /// <summary>When it committed.</summary>
    public DateTimeOffset CommittedAt { get; set; }
}
