namespace Workers.Build.Builds;

// BuildResult.errorType values. The first four finish a build as failed (retrying cannot help: the user's
// source or options are at fault, a hang or a crash included); the last two are ours and are retried by the
// TaskManager.
internal static class BuildErrorTypes
{
    public const string Validation = "VALIDATION_ERROR";
    public const string Build = "BUILD_ERROR";
    public const string Timeout = "TIMEOUT";

    // The source already killed a build server (SourceCrash), so it is not run again. Not BUILD_ERROR: that one
    // carries the bundler's messages with line and column for the user to fix; a crash has none, and operators
    // count these apart (each is a bundler bug, or a limit the pre-checks lack).
    public const string Crash = "BUNDLER_CRASH";
    public const string Process = "PROCESS_ERROR";
    public const string System = "SYSTEM_ERROR";
}
