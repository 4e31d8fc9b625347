using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using Workers.Cli.Errors;
using Workers.Fleet;
using Workers.TaskManager.Consuming;

namespace Workers.Cli.DeadLetters;

// Finds a worker's dead-letter queue through its queue's redrive policy (the same lookup the consumer makes),
// and reads the dead-letter queue's counts.
internal sealed class DeadLetterQueueLocator(IAmazonSQS sqs, QueueDirectory directory, FleetDeclaration fleet)
{
    public async Task<DeadLetterQueue> FindAsync(string worker, CancellationToken cancellationToken)
    {
        var source = await directory.GetQueueUrlAsync(worker, cancellationToken);
        var info = await directory.DescribeAsync(source, fleet.Worker(worker).MaxReceiveCount, cancellationToken);
        return info.DeadLetterUrl is { } url
            ? new DeadLetterQueue(worker, source, url, info.IsFifo)
            : throw CliException.Failure($"the queue of worker '{worker}' ({source}) has no redrive policy, so it has no dead-letter queue.");
    }

    public async Task<DeadLetterCounts> CountAsync(DeadLetterQueue queue, CancellationToken cancellationToken)
    {
        var response = await sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest
            {
                QueueUrl = queue.Url,
                AttributeNames = [QueueAttributeName.ApproximateNumberOfMessages, QueueAttributeName.ApproximateNumberOfMessagesNotVisible],
            },
            cancellationToken);
        var attributes = response.Attributes ?? [];
        return new DeadLetterCounts(
            Count(attributes, QueueAttributeName.ApproximateNumberOfMessages),
            Count(attributes, QueueAttributeName.ApproximateNumberOfMessagesNotVisible));
    }

    private static long Count(Dictionary<string, string> attributes, string name) =>
        attributes.TryGetValue(name, out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : 0;
}
