using System.Diagnostics;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Workers.Benchmarks;

// The baseline: what the SDK alone does with the same queue — receive batches of 10 and delete them in a batch,
// in as many concurrent loops as the TaskManager has pollers. No parsing, no dispatch, no bookkeeping.
internal static class PlainLoop
{
    public static async Task<double> MessagesPerSecondAsync(IAmazonSQS sqs, string queueUrl, int count, int loops)
    {
        var deleted = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, loops), async (_, ct) =>
        {
            while (Volatile.Read(ref deleted) < count)
            {
                var response = await sqs.ReceiveMessageAsync(
                    new ReceiveMessageRequest(queueUrl) { MaxNumberOfMessages = 10, WaitTimeSeconds = 1, MessageSystemAttributeNames = ["All"], MessageAttributeNames = ["All"] },
                    ct);
                if (response.Messages is not { Count: > 0 } messages)
                {
                    continue;
                }

                await sqs.DeleteMessageBatchAsync(
                    new DeleteMessageBatchRequest(queueUrl, [.. messages.Select((m, i) => new DeleteMessageBatchRequestEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), m.ReceiptHandle))]),
                    ct);
                Interlocked.Add(ref deleted, messages.Count);
            }
        });
        return count / clock.Elapsed.TotalSeconds;
    }
}
