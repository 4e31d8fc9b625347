namespace Workers.Build.Data;

// A build key (source, options, toolchain: BuildCacheKey) on which a build server died. While the record is live
// (Build:SourceCrashLifetime), every build of that key fails at once without a process, so one source kills at
// most one server. One row per key, whatever the build id: a source resubmitted under a new id is the same
// threat. A toolchain upgrade changes the key, so it gets a fresh chance on the new bundler.
internal sealed class SourceCrash
{
    public required string CacheKey { get; set; }

    // For operators: which source it was and which build first found out.
    public required string SourceSha256 { get; set; }

    public required string BuildId { get; set; }

    public int ProcessId { get; set; }

    // As .NET reports it (128 + n for signal n on Linux); null when the exit was not seen in time.
    public int? ExitCode { get; set; }

    public DateTimeOffset CrashedAt { get; set; }
}
