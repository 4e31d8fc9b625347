namespace Workers.TaskManager;

/// <summary>
/// Handles one task type. Registered by wire name with
/// <see cref="TaskManagerBuilder.AddTask{TBody, THandler}(string)"/>; resolved from a new DI scope per message.
/// </summary>
/// <typeparam name="TBody">The task's body, deserialized from JSON and validated before the handler runs.</typeparam>
public interface ITaskHandler<TBody>
    where TBody : class
{
    /// <summary>
    /// Runs the task. Return normally to have the message deleted; throw to have it retried with backoff (and
    /// dead-lettered after the queue's maxReceiveCount); call <see cref="TaskContext{TBody}.Reject"/> when retrying
    /// cannot help, to dead-letter it at once. <paramref name="cancellationToken"/> fires at the task type's timeout
    /// and when a shutdown's drain period ends.
    /// </summary>
    Task HandleAsync(TaskContext<TBody> task, CancellationToken cancellationToken);
}
