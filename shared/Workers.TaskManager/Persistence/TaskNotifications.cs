namespace Workers.TaskManager.Persistence;

/// <summary>
/// The PostgreSQL NOTIFY channel on which the TaskManager announces a task's progress and completion. The payload
/// is the task id, or <see cref="SeveralTasks"/> when a batch of tasks finished at once. LISTEN on it to follow a
/// task without polling (<see cref="TaskWatcher"/> does).
/// </summary>
public static class TaskNotifications
{
    /// <summary>The channel name.</summary>
    public const string Channel = "workers_tasks";

    /// <summary>
    /// The payload of one notification for a whole batch of finished tasks: a worker finishing thousands of tasks
    /// a second sends a few of these, not one per task. Every follower re-reads its task on it.
    /// </summary>
    public const string SeveralTasks = "*";
}
