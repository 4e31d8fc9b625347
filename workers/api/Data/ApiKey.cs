namespace Workers.Api.Data;

// An API key: its public id (the part before the dot of the key a client sends), the SHA-256 of its secret
// part, and what it may do. The secret itself is shown once at creation and never stored.
internal sealed class ApiKey
{
    public required string KeyId { get; set; }

    public required string Name { get; set; }

    public required string SecretSha256 { get; set; }

    // Comma-separated ApiScopes values (enqueue, read, admin).
    public required string Scopes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
