using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;

namespace Workers.TaskManager.Consuming;

// DeleteMessageBatch with per-entry results. A failed delete is never ignored: the caller logs it and counts it,
// and the message comes back after its visibility timeout, where the ledger and task record stop a second apply.
internal sealed class DeleteSender(IAmazonSQS sqs, string queueUrl, TimeProvider time, ILogger logger)
    : SqsBatchSender<ReceivedMessage>(maxConcurrentCalls: 4, time, logger)
{
    protected override async Task<IReadOnlyList<BatchEntryResult>> SendBatchAsync(IReadOnlyList<ReceivedMessage> entries)
    {
        var request = new DeleteMessageBatchRequest
        {
            QueueUrl = queueUrl,
            Entries = [.. entries.Select((m, i) => new DeleteMessageBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), m.ReceiptHandle))],
        };
        var response = await sqs.DeleteMessageBatchAsync(request);
        return BatchResults.Map(entries.Count, response.Failed, f => (f.Id, f.Code, f.Message, f.SenderFault ?? true));
    }
}
