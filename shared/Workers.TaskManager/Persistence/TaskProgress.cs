namespace Workers.TaskManager.Persistence;

/// <summary>A task's state, progress, failed deliveries and rejected items.</summary>
/// <param name="Task">The task's row.</param>
/// <param name="Errors">Its failed deliveries, newest first.</param>
/// <param name="Rejections">The first items its chunks rejected.</param>
public sealed record TaskProgress(TaskRecord Task, IReadOnlyList<TaskErrorRecord> Errors, IReadOnlyList<TaskRejectionRecord> Rejections)
{
    /// <summary>True once the task succeeded or was dead-lettered.</summary>
    public bool IsFinished => Task.State is TaskState.Succeeded or TaskState.DeadLettered;
}
