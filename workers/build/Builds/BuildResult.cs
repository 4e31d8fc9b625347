using System.Text.Json;
using Workers.Build.Data;

namespace Workers.Build.Builds;

// The original BuildResult document, kept in the record's result column and printed by `workers build <id> --json`.
internal sealed record BuildResult(
    bool Success,
    BuildArtifact? Artifact,
    BuildInfo BuildInfo,
    string? Error,
    string? ErrorType,
    JsonElement? Details)
{
    public static BuildResult From(BuildRecord record, DateTimeOffset timestamp) => new(
        record.Status == BuildStatus.Succeeded,
        record.BundleKey is { } key
            ? new BuildArtifact("jsBundle", $"s3://{record.BundleBucket}/{key}", record.BundleBucket!, key, record.BundleSha256!, record.BundleBytes ?? 0)
            : null,
        new BuildInfo(record.TotalMs ?? 0, record.BuildMs, timestamp, record.ProcessId, record.Engine, record.CacheHit),
        record.ErrorMessage,
        record.ErrorType,
        record.Details is { } details ? JsonDocument.Parse(details).RootElement.Clone() : null);
}

// Where the bundle is: type jsBundle, content location s3://bucket/key.
internal sealed record BuildArtifact(string Type, string Location, string Bucket, string Key, string Sha256, long Size);

// DurationMs: the whole build as the worker measured it; BundlerMs: the bundler's share in the build server.
internal sealed record BuildInfo(double DurationMs, double? BundlerMs, DateTimeOffset Timestamp, int? ProcessId, string Engine, bool CacheHit);
