namespace Workers.TaskManager.Persistence;

/// <summary>
/// The PostgreSQL NOTIFY channel on which the TaskManager announces a task's progress and completion; the payload
/// is the task id. LISTEN on it to follow a task without polling.
/// </summary>
public static class TaskNotifications
{
    /// <summary>The channel name.</summary>
    public const string Channel = "workers_tasks";
}
