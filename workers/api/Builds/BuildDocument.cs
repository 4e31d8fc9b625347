using System.Text.Json;

namespace Workers.Api.Builds;

// GET /api/builds/{id}: where the build is (queued → running | retrying → succeeded | failed), and once it has
// finished the original BuildResult document ({success, artifact, buildInfo, error, errorType, details}).
internal sealed record BuildDocument(
    string BuildId,
    string Status,
    string? Engine,
    int Attempts,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? FinishedAt,
    JsonElement? Result,
    BuildLinks Links)
{
    public const string Queued = "queued";

    public static BuildDocument From(BuildRecord record) => new(
        record.BuildId,
        record.Status,
        record.Engine,
        record.Attempts,
        record.CreatedAt,
        record.FinishedAt,
        record.Result,
        BuildLinks.For(record.BuildId, record.BundleKey is not null));

    public static BuildDocument QueuedBuild(string buildId, DateTimeOffset acceptedAt) =>
        new(buildId, Queued, null, 0, acceptedAt, null, null, BuildLinks.For(buildId, bundle: false));
}
