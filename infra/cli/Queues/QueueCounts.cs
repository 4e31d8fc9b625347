namespace Workers.Cli.Queues;

// SQS's approximate counts for one queue.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html
internal sealed record QueueCounts(long Visible, long InFlight, long Delayed);
