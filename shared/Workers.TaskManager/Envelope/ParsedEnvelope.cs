using System.Text.Json;

namespace Workers.TaskManager.Envelope;

// A task envelope read from a message. Owns the JsonDocument its body element points into.
internal sealed class ParsedEnvelope(
    JsonDocument document,
    string? taskId,
    string type,
    JsonElement? body,
    BodyReference? bodyReference,
    string? traceParent,
    bool viaSns) : IDisposable
{
    public string? TaskId { get; } = taskId;

    public string Type { get; } = type;

    public JsonElement? Body { get; } = body;

    public BodyReference? BodyReference { get; } = bodyReference;

    public string? TraceParent { get; } = traceParent;

    public bool ViaSns { get; } = viaSns;

    public void Dispose() => document.Dispose();
}
