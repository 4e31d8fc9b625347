namespace Workers.TaskManager.Persistence;

/// <summary>Where a task stands, as recorded in <c>taskmanager.tasks</c>.</summary>
public enum TaskState
{
    /// <summary>A delivery is being handled (recorded when the task starts chunked or transactional work).</summary>
    Running,

    /// <summary>An attempt failed; SQS will deliver it again after the backoff.</summary>
    Retrying,

    /// <summary>The handler finished and the message was deleted.</summary>
    Succeeded,

    /// <summary>The task failed for good and its message is in (or on its way to) the dead-letter queue.</summary>
    DeadLettered,
}
