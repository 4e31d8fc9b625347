using Amazon.SQS;
using Amazon.SQS.Model;
using Workers.TaskManager.DeadLetters;

namespace Workers.TaskManager.Consuming;

// Moves a message that retrying cannot fix to the dead-letter queue now, with the reason, instead of letting
// it burn its remaining receives.
internal sealed class DeadLetterSender(IAmazonSQS sqs, QueueInfo queue, TimeProvider time)
{
    // SQS allows 10 attributes per message; the failure takes one.
    private const int MaxAttributes = 10;
    private const int MaxReasonLength = 2000;

    public async Task SendAsync(ReceivedMessage message, FailureKind kind, string reason, CancellationToken cancellationToken)
    {
        var attributes = (message.Message.MessageAttributes ?? [])
            .Where(a => a.Key != DeadLetterMessages.FailureAttribute)
            .Take(MaxAttributes - 1)
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        attributes[DeadLetterMessages.FailureAttribute] = new MessageAttributeValue
        {
            DataType = "String",
            StringValue = new DeadLetterNote
            {
                Kind = kind,
                Reason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason,
                SourceQueue = queue.Url,
                MessageId = message.MessageId,
                ReceiveCount = message.ReceiveCount,
                Attempts = message.Attempt,
                FailedAt = time.GetUtcNow(),
            }.ToJson(),
        };

        var request = new SendMessageRequest(queue.DeadLetterUrl, message.Message.Body) { MessageAttributes = attributes };
        if (queue.DeadLetterUrl!.EndsWith(".fifo", StringComparison.Ordinal))
        {
            // Same group keeps the DLQ's order per group; the original id as dedup id makes a repeated move a no-op.
            request.MessageGroupId = message.GroupId ?? "dead-letter";
            request.MessageDeduplicationId = message.MessageId;
        }

        await sqs.SendMessageAsync(request, cancellationToken);
    }
}
