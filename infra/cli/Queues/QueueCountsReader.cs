using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Options;
using Workers.Fleet;
using Workers.TaskManager.Consuming;
using Workers.TaskManager.Options;

namespace Workers.Cli.Queues;

// Reads every worker's queue and dead-letter queue counts. A queue that does not exist is a row saying so,
// not a failed command: one worker not deployed yet must not hide the others.
internal sealed class QueueCountsReader(IAmazonSQS sqs, QueueDirectory directory, FleetDeclaration fleet, IOptions<FleetOptions> options)
{
    private static readonly List<string> CountAttributes =
    [
        QueueAttributeName.ApproximateNumberOfMessages,
        QueueAttributeName.ApproximateNumberOfMessagesNotVisible,
        QueueAttributeName.ApproximateNumberOfMessagesDelayed,
    ];

    public async Task<IReadOnlyList<QueueRow>> ReadAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(fleet.Workers.Values.OrderBy(w => w.Name, StringComparer.Ordinal).Select(w => ReadAsync(w, cancellationToken)));

    private async Task<QueueRow> ReadAsync(FleetWorker worker, CancellationToken cancellationToken)
    {
        var environment = options.Value.Environment;
        string url;
        try
        {
            url = await directory.GetQueueUrlAsync(worker.Name, cancellationToken);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is QueueDoesNotExistException)
        {
            return new QueueRow(worker.Name, worker.QueueName(environment), null, worker.DeadLetterQueueName(environment), null);
        }

        var name = NameOf(url);
        var counts = await CountsAsync(url, cancellationToken);
        if (counts is null)
        {
            // A configured URL (Fleet:QueueUrls) whose queue is gone.
            return new QueueRow(worker.Name, name, null, null, null);
        }

        QueueInfo info;
        try
        {
            info = await directory.DescribeAsync(url, worker.MaxReceiveCount, cancellationToken);
        }
        catch (QueueDoesNotExistException)
        {
            // The redrive policy names a dead-letter queue that is gone.
            return new QueueRow(worker.Name, name, counts, worker.DeadLetterQueueName(environment), null);
        }

        return info.DeadLetterUrl is { } deadLetterUrl
            ? new QueueRow(worker.Name, name, counts, NameOf(deadLetterUrl), await CountsAsync(deadLetterUrl, cancellationToken))
            : new QueueRow(worker.Name, name, counts, null, null);
    }

    private async Task<QueueCounts?> CountsAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            var response = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = CountAttributes }, cancellationToken);
            var attributes = response.Attributes ?? [];
            return new QueueCounts(
                Count(attributes, QueueAttributeName.ApproximateNumberOfMessages),
                Count(attributes, QueueAttributeName.ApproximateNumberOfMessagesNotVisible),
                Count(attributes, QueueAttributeName.ApproximateNumberOfMessagesDelayed));
        }
        catch (QueueDoesNotExistException)
        {
            return null;
        }
    }

    private static long Count(Dictionary<string, string> attributes, string name) =>
        attributes.TryGetValue(name, out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : 0;

    private static string NameOf(string url) => url[(url.LastIndexOf('/') + 1)..];
}
