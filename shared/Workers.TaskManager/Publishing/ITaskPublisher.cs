namespace Workers.TaskManager.Publishing;

/// <summary>Sends tasks to a worker's queue. Used by the CLI, other services, and workers that enqueue follow-ups.</summary>
public interface ITaskPublisher
{
    /// <summary>Publishes one task to <paramref name="worker"/>'s queue.</summary>
    Task<PublishedTask> PublishAsync(string worker, TaskMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes tasks in SendMessageBatch calls of up to 10, checking every entry's result: entries SQS failed on
    /// its side are retried, and any still refused are reported together in a <see cref="TaskPublishException"/>
    /// after the rest were sent. Results are in input order.
    /// </summary>
    Task<IReadOnlyList<PublishedTask>> PublishBatchAsync(string worker, IReadOnlyList<TaskMessage> messages, CancellationToken cancellationToken = default);
}
