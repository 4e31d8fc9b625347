using System.Text.Json;

namespace Workers.Api.Builds;

// A build record as the API reads it from the build worker's table (build.builds, documented in
// workers/build/README.md). Result is the original BuildResult document once the build has finished.
internal sealed record BuildRecord(
    string BuildId,
    string Status,
    string Engine,
    string? BundleBucket,
    string? BundleKey,
    string? BundleSha256,
    long? BundleBytes,
    JsonElement? Result,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt)
{
    public bool IsFinished => Status is "succeeded" or "failed";
}
