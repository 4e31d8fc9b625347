namespace Workers.Build.Data;

// One build: what was asked (source and options hashes), what ran it, and how it ended. One row per build id,
// however often its message is delivered.
internal sealed class BuildRecord
{
    public required string BuildId { get; set; }

    public required string TaskId { get; set; }

    // running → succeeded | failed; retrying after an infrastructure failure that will be retried.
    public required string Status { get; set; }

    public required string Engine { get; set; }

    public required string SourceSha256 { get; set; }

    public long SourceBytes { get; set; }

    // The build options as JSON (engine, dependencies, minify, viteConfig).
    public required string Options { get; set; }

    // Node, esbuild, Vite and React versions and the script hash from the server's ready line.
    public string? Toolchain { get; set; }

    // SHA-256 over source, options and toolchain: an earlier success with the same key is reused.
    public string? CacheKey { get; set; }

    public bool CacheHit { get; set; }

    public string? BundleSha256 { get; set; }

    public long? BundleBytes { get; set; }

    public string? BundleBucket { get; set; }

    public string? BundleKey { get; set; }

    // VALIDATION_ERROR, BUILD_ERROR, TIMEOUT, BUNDLER_CRASH, PROCESS_ERROR or SYSTEM_ERROR (BuildErrorTypes).
    public string? ErrorType { get; set; }

    public string? ErrorMessage { get; set; }

    // The bundler's messages as JSON: [{text, file, line, column, lineText}], line and column 1-based.
    public string? Details { get; set; }

    // The original BuildResult document ({success, artifact, buildInfo, error, errorType, details}).
    public string? Result { get; set; }

    // The bundler's time in the build server, and the whole build from start to record.
    public double? BuildMs { get; set; }

    public double? TotalMs { get; set; }

    public int? ProcessId { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
