namespace Workers.Cli.Queues;

// One worker's queue and dead-letter queue. Counts are null when the queue does not exist; DeadLetterName is
// null when the queue has no redrive policy.
internal sealed record QueueRow(string Worker, string QueueName, QueueCounts? Queue, string? DeadLetterName, QueueCounts? DeadLetter);
