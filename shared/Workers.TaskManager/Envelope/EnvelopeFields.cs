namespace Workers.TaskManager.Envelope;

// The task envelope on the wire: {"taskId","type","body"|"bodyRef":{"bucket","key","size"},"traceparent","publishedAt"}.
// Documented in ARCHITECTURE.md; other producers (the TypeScript services) write the same shape.
internal static class EnvelopeFields
{
    public const string TaskId = "taskId";
    public const string Type = "type";
    public const string Body = "body";
    public const string BodyRef = "bodyRef";
    public const string Bucket = "bucket";
    public const string Key = "key";
    public const string Size = "size";
    public const string TraceParent = "traceparent";
    public const string PublishedAt = "publishedAt";

    // Task ids are also ledger keys and S3 key parts.
    public const int MaxTaskIdLength = 128;
}
