using System.Text.Json;
using Workers.Build.Bundles;
using Workers.Build.Data;
using Workers.Build.Pool;
using Workers.TaskManager;

namespace Workers.Build.Builds;

// Writes a build's outcome into its record, with the timings and the BuildResult document.
internal sealed class BuildFinish(BuildStore store, TimeProvider time, long started, string buildId, BuildToolchain toolchain)
{
    public Task SucceededAsync(StoredBundle bundle, double? bundlerMs, int? processId, bool cacheHit, CancellationToken cancellationToken) =>
        UpdateAsync(
            record =>
            {
                record.Status = BuildStatus.Succeeded;
                record.BundleBucket = bundle.Bucket;
                record.BundleKey = bundle.Key;
                record.BundleSha256 = bundle.Sha256;
                record.BundleBytes = bundle.Bytes;
                record.BuildMs = bundlerMs;
                record.ProcessId = processId;
                record.CacheHit = cacheHit;
            },
            cancellationToken);

    public Task FailedAsync(string errorType, string message, string? details, int? processId, CancellationToken cancellationToken) =>
        UpdateAsync(
            record =>
            {
                record.Status = BuildStatus.Failed;
                record.ErrorType = errorType;
                record.ErrorMessage = message;
                record.Details = details;
                record.ProcessId = processId;
            },
            cancellationToken);

    // Stamps a finished record: when, how long, and the BuildResult document.
    public static void Complete(BuildRecord record, DateTimeOffset now, double? totalMs)
    {
        record.FinishedAt = now;
        record.TotalMs = totalMs ?? record.TotalMs;
        record.Result = JsonSerializer.Serialize(BuildResult.From(record, now), TaskJson.Options);
    }

    private async Task UpdateAsync(Action<BuildRecord> apply, CancellationToken cancellationToken)
    {
        var totalMs = time.GetElapsedTime(started).TotalMilliseconds;
        await store.UpdateAsync(
            buildId,
            record =>
            {
                apply(record);
                record.Toolchain = toolchain.Json;
                Complete(record, time.GetUtcNow(), totalMs);
            },
            cancellationToken);
    }
}
