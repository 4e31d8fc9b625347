using System.Text.Json;

namespace Workers.TaskManager.Envelope;

// Reads a message body as a task envelope, sent straight to SQS or wrapped by SNS (Copilot worker queues are
// subscribed to SNS topics, and without raw delivery SNS wraps each message in a notification). Anything else
// is a permanent failure with a reason a person can act on.
internal static class EnvelopeReader
{
    public static ParsedEnvelope Read(string raw)
    {
        var document = Parse(raw, "The message body is not JSON");
        var root = document.RootElement;
        var viaSns = false;
        if (TryUnwrapSns(root, out var inner))
        {
            document.Dispose();
            document = Parse(inner, "The SNS notification's Message is not JSON");
            root = document.RootElement;
            viaSns = true;
        }

        try
        {
            return ReadEnvelope(document, root, viaSns);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    private static ParsedEnvelope ReadEnvelope(JsonDocument document, JsonElement root, bool viaSns)
    {
        var where = viaSns ? "The envelope inside the SNS notification" : "The envelope";
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed($"{where} is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object like {{\"type\": \"updateStock\", \"body\": {{...}}}}.");
        }

        var type = OptionalString(root, EnvelopeFields.Type, where);
        if (string.IsNullOrWhiteSpace(type))
        {
            throw Malformed($"{where} has no \"{EnvelopeFields.Type}\" naming the task type.");
        }

        var taskId = OptionalString(root, EnvelopeFields.TaskId, where);
        if (taskId is { Length: 0 or > EnvelopeFields.MaxTaskIdLength })
        {
            throw Malformed($"{where}'s \"{EnvelopeFields.TaskId}\" must be 1 to {EnvelopeFields.MaxTaskIdLength} characters.");
        }

        JsonElement? body = root.TryGetProperty(EnvelopeFields.Body, out var b) && b.ValueKind != JsonValueKind.Null ? b : null;
        var reference = ReadReference(root, where);
        if (body is null && reference is null)
        {
            throw Malformed($"{where} has neither \"{EnvelopeFields.Body}\" nor \"{EnvelopeFields.BodyRef}\".");
        }

        return new ParsedEnvelope(document, taskId, type, body, reference, OptionalString(root, EnvelopeFields.TraceParent, where), viaSns);
    }

    private static BodyReference? ReadReference(JsonElement root, string where)
    {
        if (!root.TryGetProperty(EnvelopeFields.BodyRef, out var reference) || reference.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var bucket = reference.ValueKind == JsonValueKind.Object ? OptionalString(reference, EnvelopeFields.Bucket, where) : null;
        var key = reference.ValueKind == JsonValueKind.Object ? OptionalString(reference, EnvelopeFields.Key, where) : null;
        if (string.IsNullOrEmpty(bucket) || string.IsNullOrEmpty(key))
        {
            throw Malformed($"{where}'s \"{EnvelopeFields.BodyRef}\" must be an object with \"bucket\" and \"key\".");
        }

        var size = reference.TryGetProperty(EnvelopeFields.Size, out var s) && s.TryGetInt64(out var n) ? n : -1;
        return new BodyReference(bucket, key, size);
    }

    private static bool TryUnwrapSns(JsonElement root, out string inner)
    {
        inner = "";
        if (root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("Type", out var type) && type.ValueKind == JsonValueKind.String
            && type.ValueEquals("Notification")
            && root.TryGetProperty("TopicArn", out _)
            && root.TryGetProperty("Message", out var message))
        {
            if (message.ValueKind != JsonValueKind.String)
            {
                throw Malformed("The SNS notification's Message is not a string.");
            }

            inner = message.GetString()!;
            return true;
        }

        return false;
    }

    private static string? OptionalString(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Malformed($"{where}'s \"{name}\" must be a string, not a {value.ValueKind.ToString().ToLowerInvariant()}.");
    }

    private static JsonDocument Parse(string json, string what)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw Malformed($"{what}: {ex.Message}");
        }
    }

    private static PermanentTaskException Malformed(string reason) => new(reason, FailureKind.MalformedMessage);
}
