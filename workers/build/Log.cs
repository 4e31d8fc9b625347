using Microsoft.Extensions.Logging;

namespace Workers.Build;

// Every log line the build worker writes. Task identifiers come from the TaskManager's per-message scope.
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Information, "Build {BuildId} succeeded with {Engine} in {BundlerMs:0.0} ms on build server {ProcessId}: {BundleKey} ({BundleBytes} bytes)")]
    public static partial void BuildSucceeded(ILogger logger, string buildId, string engine, double bundlerMs, int processId, string bundleKey, long bundleBytes);

    [LoggerMessage(4001, LogLevel.Information, "Build {BuildId} failed with {ErrorType}: {ErrorMessage}")]
    public static partial void BuildFailed(ILogger logger, string buildId, string errorType, string errorMessage);

    [LoggerMessage(4002, LogLevel.Information, "Build {BuildId} reuses the bundle of build {CachedBuildId}: {BundleKey}")]
    public static partial void CacheHit(ILogger logger, string buildId, string cachedBuildId, string bundleKey);

    [LoggerMessage(4003, LogLevel.Information, "Build {BuildId} is already {Status}; this delivery changes nothing")]
    public static partial void AlreadyFinished(ILogger logger, string buildId, string status);

    [LoggerMessage(4004, LogLevel.Warning, "Build {BuildId} attempt {Attempt} failed with {ErrorType}: {ErrorMessage}")]
    public static partial void BuildAttemptFailed(ILogger logger, string buildId, int attempt, string errorType, string errorMessage);

    [LoggerMessage(4005, LogLevel.Warning, "Build {BuildId} killed build server {ProcessId} ({Exit}); builds of cache key {CacheKey} fail without running until {ExpiresAt:u}")]
    public static partial void SourceCrashRecorded(ILogger logger, string buildId, int processId, string exit, string cacheKey, DateTimeOffset expiresAt);

    [LoggerMessage(4006, LogLevel.Information, "Build {BuildId} fails without running: its cache key {CacheKey} killed build server {ProcessId} in build {CrashedBuildId} ({Exit})")]
    public static partial void SourceCrashedBefore(ILogger logger, string buildId, string cacheKey, int processId, string crashedBuildId, string exit);

    [LoggerMessage(4100, LogLevel.Information, "Build server {Number} started (pid {Pid}), toolchain {Toolchain}")]
    public static partial void ProcessStarted(ILogger logger, int number, int pid, string toolchain);

    [LoggerMessage(4101, LogLevel.Information, "Build server {Number} (pid {Pid}) retired: {Reason}; it served {Builds} build(s), last RSS {RssMegabytes} MB")]
    public static partial void ProcessRetired(ILogger logger, int number, int pid, string reason, int builds, long rssMegabytes);

    [LoggerMessage(4102, LogLevel.Warning, "Starting a replacement build server failed; the next health check tries again")]
    public static partial void ReplacementFailed(ILogger logger, Exception exception);

    [LoggerMessage(4103, LogLevel.Information, "Build pool started: {Total} build server(s) warm (min {Min}, max {Max}) in {WorkDirectory}, toolchain {Toolchain}")]
    public static partial void PoolStarted(ILogger logger, int total, int min, int max, string workDirectory, string toolchain);

    [LoggerMessage(4104, LogLevel.Information, "Build pool stopped after {Builds} build(s), {AverageMs:0.0} ms on average, {Recycled} process(es) recycled")]
    public static partial void PoolStopped(ILogger logger, long builds, double averageMs, long recycled);

    [LoggerMessage(4105, LogLevel.Debug, "Build pool: {Total} process(es), {Busy} busy, {Available} available, {Recycled} recycled, {Builds} build(s) averaging {AverageMs:0.0} ms, {MemoryMegabytes} MB resident")]
    public static partial void PoolHealth(ILogger logger, int total, int busy, int available, long recycled, long builds, double averageMs, long memoryMegabytes);

    [LoggerMessage(EventId = 4110, Message = "Build server {Pid}: {ChildMessage} {ChildLine}")]
    public static partial void ChildLine(ILogger logger, LogLevel level, int pid, string childMessage, string childLine);

    [LoggerMessage(4111, LogLevel.Warning, "Build server {Pid} (stderr): {ChildLine}")]
    public static partial void ChildRawLine(ILogger logger, int pid, string childLine);

    [LoggerMessage(4112, LogLevel.Warning, "Build server {Pid} wrote a stdout line that is not JSON (ignored): {Line}")]
    public static partial void ChannelNotJson(ILogger logger, int pid, string line);

    [LoggerMessage(4113, LogLevel.Warning, "Build server {Pid} wrote a stdout line no request waits for (ignored): {Line}")]
    public static partial void ChannelUnmatched(ILogger logger, int pid, string line);

    [LoggerMessage(4114, LogLevel.Warning, "Reading build server {Pid}'s stdout failed")]
    public static partial void ChannelReadFailed(ILogger logger, int pid, Exception exception);
}
