namespace Workers.Cli.Builds;

// A build record as `workers build` reads it from the build worker's table (build.builds).
internal sealed record BuildView(
    string BuildId,
    string TaskId,
    string Status,
    string Engine,
    long SourceBytes,
    bool CacheHit,
    string? BundleBucket,
    string? BundleKey,
    string? BundleSha256,
    long? BundleBytes,
    string? ErrorType,
    string? ErrorMessage,
    string? Details,
    string? Result,
    double? BuildMs,
    double? TotalMs,
    int? ProcessId,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt)
{
    public bool IsFinished => Status is "succeeded" or "failed";

    public string? BundleLocation => BundleKey is { } key ? $"s3://{BundleBucket}/{key}" : null;
}
