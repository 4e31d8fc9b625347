using System.Text.Json;

namespace Workers.TaskManager.Envelope;

// Writes the task envelope (see EnvelopeFields) as UTF-8 JSON.
internal static class EnvelopeWriter
{
    public static byte[] Write(string taskId, string type, ReadOnlySpan<byte> bodyJson, BodyReference? reference, string? traceParent, DateTimeOffset publishedAt)
    {
        using var buffer = new MemoryStream(bodyJson.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(EnvelopeFields.TaskId, taskId);
            writer.WriteString(EnvelopeFields.Type, type);
            if (reference is null)
            {
                writer.WritePropertyName(EnvelopeFields.Body);
                writer.WriteRawValue(bodyJson, skipInputValidation: true);
            }
            else
            {
                writer.WriteStartObject(EnvelopeFields.BodyRef);
                writer.WriteString(EnvelopeFields.Bucket, reference.Bucket);
                writer.WriteString(EnvelopeFields.Key, reference.Key);
                writer.WriteNumber(EnvelopeFields.Size, reference.Size);
                writer.WriteEndObject();
            }

            if (traceParent is not null)
            {
                writer.WriteString(EnvelopeFields.TraceParent, traceParent);
            }

            writer.WriteString(EnvelopeFields.PublishedAt, publishedAt);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
