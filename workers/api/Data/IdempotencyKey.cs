namespace Workers.Api.Data;

// A client's Idempotency-Key, the operation it was used for, a hash of that request, and what it created: a
// retry with the same key and request gets the same resource; the same key with another request is a conflict.
internal sealed class IdempotencyKey
{
    // As draft-ietf-httpapi-idempotency-key-header suggests, a UUID fits comfortably; room for client schemes.
    public const int MaxLength = 128;

    public required string KeyId { get; set; }

    public required string Key { get; set; }

    public required string Operation { get; set; }

    public required string RequestSha256 { get; set; }

    public required string ResourceId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
