using Workers.TaskManager.Envelope;

namespace Workers.TaskManager.Publishing;

/// <summary>A task SQS accepted.</summary>
/// <param name="TaskId">The task id: follow it with <c>workers task &lt;id&gt;</c>.</param>
/// <param name="MessageId">The SQS message id.</param>
/// <param name="DeduplicationId">The deduplication id it was sent with (FIFO queues).</param>
/// <param name="ClaimCheck">Where the body was stored when it was too large for a message.</param>
public sealed record PublishedTask(string TaskId, string MessageId, string? DeduplicationId, BodyReference? ClaimCheck);
