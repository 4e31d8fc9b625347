using System.Globalization;
using Amazon.SQS.Model;

namespace Workers.Cli.DeadLetters;

// A received dead-letter message with what the CLI shows and needs to move it.
internal sealed record DeadLetterMessage(Message Message, EnvelopeSummary Envelope, FailureNote? Failure)
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

    public static DeadLetterMessage From(Message message) => new(message, EnvelopeSummary.Read(message.Body), FailureNote.From(message));

    private string? Attribute(string name) => Message.Attributes?.GetValueOrDefault(name);
}
