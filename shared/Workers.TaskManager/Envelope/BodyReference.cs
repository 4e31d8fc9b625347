namespace Workers.TaskManager.Envelope;

/// <summary>Where a task body too large for a message is stored (the claim check).</summary>
/// <param name="Bucket">The S3 bucket.</param>
/// <param name="Key">The object key.</param>
/// <param name="Size">The body's size in bytes.</param>
public sealed record BodyReference(string Bucket, string Key, long Size);
