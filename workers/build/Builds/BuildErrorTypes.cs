namespace Workers.Build.Builds;

// BuildResult.errorType values. The first three finish a build as failed (retrying cannot help: the user's
// source or options are at fault, a hang included); the last two are ours and are retried by the TaskManager.
internal static class BuildErrorTypes
{
    public const string Validation = "VALIDATION_ERROR";
    public const string Build = "BUILD_ERROR";
    public const string Timeout = "TIMEOUT";
    public const string Process = "PROCESS_ERROR";
    public const string System = "SYSTEM_ERROR";
}
