using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;

namespace Workers.TaskManager.Consuming;

// ChangeMessageVisibilityBatch for heartbeats, backoffs and releases, with per-entry results.
internal sealed class VisibilitySender(IAmazonSQS sqs, string queueUrl, TimeProvider time, ILogger logger)
    : SqsBatchSender<VisibilityChange>(maxConcurrentCalls: 4, time, logger)
{
    protected override async Task<IReadOnlyList<BatchEntryResult>> SendBatchAsync(IReadOnlyList<VisibilityChange> entries)
    {
        var request = new ChangeMessageVisibilityBatchRequest
        {
            QueueUrl = queueUrl,
            Entries =
            [
                .. entries.Select((change, i) => new ChangeMessageVisibilityBatchRequestEntry(
                    i.ToString(CultureInfo.InvariantCulture),
                    change.Message.ReceiptHandle)
                {
                    VisibilityTimeout = (int)Math.Ceiling(change.Timeout.TotalSeconds),
                }),
            ],
        };
        var response = await sqs.ChangeMessageVisibilityBatchAsync(request);
        return BatchResults.Map(entries.Count, response.Failed, f => (f.Id, f.Code, f.Message, f.SenderFault ?? true));
    }
}
