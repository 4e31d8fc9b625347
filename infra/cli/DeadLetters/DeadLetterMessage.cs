using System.Globalization;
using Amazon.SQS.Model;
using Workers.TaskManager.Consuming;
using Workers.TaskManager.DeadLetters;

namespace Workers.Cli.DeadLetters;

// A received dead-letter message with what the CLI shows and needs to move it. Failure is the TaskManager's note
// when it moved the message itself; messages SQS moved after maxReceiveCount have none. UnreadableNote: the
// message carries the attribute, but not a note this CLI can read (another producer's, or damaged).
internal sealed record DeadLetterMessage(Message Message, EnvelopeSummary Envelope, DeadLetterNote? Failure, bool UnreadableNote)
{
    public string MessageId => Message.MessageId;

    public string? GroupId => Attribute("MessageGroupId");

    // SQS's count: the receives in the worker's queue plus those in the dead-letter queue (this look included).
    public int? ReceiveCount => int.TryParse(Attribute("ApproximateReceiveCount"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    public DateTimeOffset? SentAt => long.TryParse(Attribute("SentTimestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
        ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
        : null;

    // How the message is named in output: its task, else its message id.
    public string Label => Envelope.TaskId is { } taskId ? $"{Envelope.TaskType ?? "?"} {taskId}" : $"(unreadable) message {MessageId}";

    public static DeadLetterMessage From(Message message)
    {
        var note = message.MessageAttributes?.GetValueOrDefault(DeadLetterMessages.FailureAttribute)?.StringValue;
        var readable = DeadLetterNote.TryParse(note, out var failure);
        return new(message, EnvelopeSummary.Read(message.Body), failure, note is not null && !readable);
    }

    private string? Attribute(string name) => Message.Attributes?.GetValueOrDefault(name);
}
