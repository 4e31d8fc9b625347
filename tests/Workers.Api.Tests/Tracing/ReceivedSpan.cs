namespace Workers.Api.Tests.Tracing;

// A span as an OTLP collector received it: its service (the resource's service.name), ids in hex, name, kind
// (OTLP's SpanKind: 2 server, 4 producer, 5 consumer, 1 internal, 3 client) and string attributes.
internal sealed record ReceivedSpan(
    string Service,
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    int Kind,
    IReadOnlyDictionary<string, string> Attributes)
{
    public const int Internal = 1;
    public const int Server = 2;
    public const int Client = 3;
    public const int Producer = 4;
    public const int Consumer = 5;
}
