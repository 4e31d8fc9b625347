using Amazon.SQS;
using Amazon.SQS.Model;

namespace Workers.Cli.DeadLetters;

// Receives dead-letter messages and holds them (invisible) while the CLI looks at or moves them; whatever is
// still held when it is disposed is made visible again at once, so a look, a dry run, a failure or Ctrl-C
// leaves the queue as it was. A killed process leaves them to reappear after the hold.
internal sealed class HeldMessages(IAmazonSQS sqs, string queueUrl, TimeSpan hold) : IAsyncDisposable
{
    // ReceiveMessage and ChangeMessageVisibilityBatch take at most 10 messages.
    // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html
    private const int Batch = 10;

    // Long enough for SQS to answer from all its servers; an empty answer then means nothing is visible.
    private const int EmptyWaitSeconds = 1;

    private readonly Dictionary<string, string> _held = new(StringComparer.Ordinal);

    // One receive of up to `max` messages. A FIFO queue returns the head of each group not already held (fauxqs:
    // one per group; AWS may return several of a group, in order), so receiving while holding walks the groups.
    public async Task<IReadOnlyList<DeadLetterMessage>> ReceiveAsync(int max, CancellationToken cancellationToken)
    {
        // Cancelled before the call, never during it: a receive abandoned mid-flight would leave messages held
        // (for the whole hold) whose receipt handles never arrived to release them with. It waits 1 s at most.
        cancellationToken.ThrowIfCancellationRequested();
        var response = await sqs.ReceiveMessageAsync(
            new ReceiveMessageRequest(queueUrl)
            {
                MaxNumberOfMessages = Math.Clamp(max, 1, Batch),
                VisibilityTimeout = (int)hold.TotalSeconds,
                WaitTimeSeconds = EmptyWaitSeconds,

                // Asking for a subset of names makes the .NET SDK's MD5 check fail against fauxqs; All is what
                // both AWS and fauxqs answer consistently.
                MessageAttributeNames = ["All"],
                MessageSystemAttributeNames = ["All"],
            },
            CancellationToken.None);
        var received = new List<DeadLetterMessage>();
        foreach (var message in response.Messages ?? [])
        {
            // A standard queue can deliver a message twice; a held one is not new.
            if (_held.TryAdd(message.MessageId, message.ReceiptHandle))
            {
                received.Add(DeadLetterMessage.From(message));
            }
        }

        return received;
    }

    // Receives until the queue has nothing more visible or `max` are held.
    public async Task<IReadOnlyList<DeadLetterMessage>> ReceiveAllAsync(int max, CancellationToken cancellationToken)
    {
        var all = new List<DeadLetterMessage>();
        while (all.Count < max)
        {
            var batch = await ReceiveAsync(max - all.Count, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            all.AddRange(batch);
        }

        return all;
    }

    // The message was deleted: nothing to release.
    public void Forget(DeadLetterMessage message) => _held.Remove(message.MessageId);

    public async ValueTask DisposeAsync()
    {
        // Not the command's token: after Ctrl-C the release is exactly what must still happen.
        foreach (var chunk in _held.Chunk(Batch))
        {
            await sqs.ChangeMessageVisibilityBatchAsync(
                new ChangeMessageVisibilityBatchRequest
                {
                    QueueUrl = queueUrl,
                    Entries = [.. chunk.Select((held, i) => new ChangeMessageVisibilityBatchRequestEntry($"m{i}", held.Value) { VisibilityTimeout = 0 })],
                },
                CancellationToken.None);
        }

        _held.Clear();
    }
}
