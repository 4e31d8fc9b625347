namespace Workers.TaskManager.Consuming;

/// <summary>A queue as the consumer needs to know it, read from SQS at start.</summary>
/// <param name="Url">The queue URL.</param>
/// <param name="IsFifo">FIFO queues keep each message group in order; standard queues do not.</param>
/// <param name="DeadLetterUrl">The dead-letter queue from the queue's redrive policy, if it has one.</param>
/// <param name="MaxReceiveCount">Receives after which SQS moves a message to the dead-letter queue.</param>
public sealed record QueueInfo(string Url, bool IsFifo, string? DeadLetterUrl, int MaxReceiveCount);
