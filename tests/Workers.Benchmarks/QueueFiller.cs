using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Workers.Benchmarks;

// Puts task envelopes on a queue as fast as the emulator takes them: batches of 10 from 8 concurrent senders.
internal static class QueueFiller
{
    public static async Task FillAsync(IAmazonSQS sqs, string queueUrl, int count, int groups)
    {
        var next = -1;
        await Parallel.ForEachAsync(Enumerable.Range(0, 8), async (_, ct) =>
        {
            while (true)
            {
                var start = Interlocked.Add(ref next, 10) - 9;
                if (start >= count)
                {
                    return;
                }

                var entries = Enumerable.Range(start, Math.Min(10, count - start)).Select(i => new SendMessageBatchRequestEntry(
                    (i - start).ToString(CultureInfo.InvariantCulture),
                    $$$"""{"taskId":"b-{{{i}}}-{{{Guid.NewGuid():N}}}","type":"bench","body":{"n":{{{i}}}}}""")
                {
                    MessageGroupId = "g" + (i % groups).ToString(CultureInfo.InvariantCulture),
                    MessageDeduplicationId = Guid.NewGuid().ToString("N"),
                }).ToList();
                var response = await sqs.SendMessageBatchAsync(new SendMessageBatchRequest(queueUrl, entries), ct);
                if (response.Failed is { Count: > 0 } failed)
                {
                    throw new InvalidOperationException($"Filling the queue failed: {failed[0].Code} {failed[0].Message}");
                }
            }
        });
    }
}
