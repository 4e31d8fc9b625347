using System.Text.Json;

namespace Workers.Cli.DeadLetters;

// The task id and type of a dead-lettered message's envelope, read leniently: the DLQ also holds messages the
// TaskManager could not read (that is why they are there), and those must still be listed and moved.
internal sealed record EnvelopeSummary(string? TaskId, string? TaskType)
{
    private static readonly EnvelopeSummary Unreadable = new(null, null);

    public static EnvelopeSummary Read(string? body)
    {
        try
        {
            using var document = JsonDocument.Parse(body ?? "");
            var root = document.RootElement;

            // Copilot's worker queues receive through SNS, which wraps the envelope in a notification.
            if (root.ValueKind == JsonValueKind.Object && Text(root, "Type") == "Notification" && Text(root, "Message") is { } inner)
            {
                return Read(inner);
            }

            return root.ValueKind == JsonValueKind.Object ? new EnvelopeSummary(Text(root, "taskId"), Text(root, "type")) : Unreadable;
        }
        catch (JsonException)
        {
            return Unreadable;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
