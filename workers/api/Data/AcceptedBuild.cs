namespace Workers.Api.Data;

// A build the API enqueued. Until the build worker writes its record (build.builds), this row is what lets
// GET /api/builds/{id} answer "queued" instead of 404 for a build that exists.
internal sealed class AcceptedBuild
{
    public required string BuildId { get; set; }

    public required string KeyId { get; set; }

    public long SourceBytes { get; set; }

    public DateTimeOffset AcceptedAt { get; set; }
}
