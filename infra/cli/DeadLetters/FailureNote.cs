using System.Text.Json;
using Amazon.SQS.Model;
using Workers.TaskManager.Consuming;

namespace Workers.Cli.DeadLetters;

// The Workers.Failure attribute the TaskManager puts on a message it dead-letters itself (a poison message, or
// retries exhausted in place). Messages SQS moved after maxReceiveCount have none.
internal sealed record FailureNote(string? Kind, string? Reason, string? MessageId, int? ReceiveCount, int? Attempts, DateTimeOffset? FailedAt)
{
    public static FailureNote? From(Message message)
    {
        if (message.MessageAttributes?.GetValueOrDefault(DeadLetterMessages.FailureAttribute)?.StringValue is not { } json)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? new FailureNote(
                    Text(root, "kind"),
                    Text(root, "reason"),
                    Text(root, "messageId"),
                    Number(root, "receiveCount"),
                    Number(root, "attempts"),
                    root.TryGetProperty("failedAt", out var at) && at.ValueKind == JsonValueKind.String && at.TryGetDateTimeOffset(out var time) ? time : null)
                : null;
        }
        catch (JsonException)
        {
            // Another producer's attribute of the same name: show the message without it rather than fail.
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;
}
