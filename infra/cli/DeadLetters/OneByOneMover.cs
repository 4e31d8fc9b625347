using Amazon.SQS;
using Amazon.SQS.Model;
using Workers.TaskManager.Consuming;

namespace Workers.Cli.DeadLetters;

// Moves dead-letter messages back one at a time: receive → send to the worker's queue (same group, same
// attributes but the failure note, a deduplication id derived from the DLQ message) → delete from the DLQ only
// once the send succeeded. Interrupted anywhere, nothing is lost (a message is deleted only after its copy is
// sent) and nothing is doubled (a copy sent again after an interruption between send and delete carries the same
// deduplication id). Groups keep their order: a group's next message is received only after the one before it
// was moved.
internal sealed class OneByOneMover(IAmazonSQS sqs, DeadLetterQueue queue)
{
    // Moving a batch of ten takes a few hundred milliseconds; the hold only matters if the process is killed.
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(30);

    public async Task MoveAsync(int max, List<MovedMessage> moved, Action<MovedMessage> progress, CancellationToken cancellationToken)
    {
        await using var held = new HeldMessages(sqs, queue.Url, Hold);
        while (moved.Count < max)
        {
            var batch = await held.ReceiveAsync(max - moved.Count, cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var message in batch)
            {
                // Checked between messages only: once a copy is sent, its delete must follow.
                cancellationToken.ThrowIfCancellationRequested();
                var sent = await sqs.SendMessageAsync(Copy(message), cancellationToken);
                await sqs.DeleteMessageAsync(queue.Url, message.Message.ReceiptHandle, CancellationToken.None);
                held.Forget(message);
                var entry = new MovedMessage(message.Envelope.TaskId, message.Envelope.TaskType, message.GroupId, message.MessageId, sent.MessageId);
                moved.Add(entry);
                progress(entry);
            }
        }
    }

    private SendMessageRequest Copy(DeadLetterMessage message)
    {
        var attributes = (message.Message.MessageAttributes ?? [])
            .Where(a => a.Key != DeadLetterMessages.FailureAttribute)
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var request = new SendMessageRequest(queue.SourceUrl, message.Message.Body)
        {
            MessageAttributes = attributes.Count > 0 ? attributes : null,
        };
        if (queue.IsFifo)
        {
            request.MessageGroupId = message.GroupId ?? "dead-letter";
            request.MessageDeduplicationId = RedriveDeduplication.For(message.MessageId);
        }

        return request;
    }
}
