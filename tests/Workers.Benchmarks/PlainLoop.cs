using Amazon.SQS;
using Amazon.SQS.Model;

namespace Workers.Benchmarks;

// The baseline: what the SDK alone does with the same queue — receive batches of 10 and delete them in a batch,
// in as many concurrent loops as the TaskManager has pollers. No parsing, no dispatch, no bookkeeping.
internal static class PlainLoop
{
    public static async Task<DrainRate> MessagesPerSecondAsync(IAmazonSQS sqs, string queueUrl, int count, int loops)
    {
        var clock = new DrainClock(count);
        await Parallel.ForEachAsync(Enumerable.Range(0, loops), async (_, ct) =>
        {
            while (!clock.Finished)
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
                clock.Add(messages.Count);
            }
        });
        return clock.Rate();
    }
}
