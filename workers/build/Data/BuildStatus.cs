namespace Workers.Build.Data;

// A build record's status values (column builds.status).
internal static class BuildStatus
{
    public const string Running = "running";
    public const string Retrying = "retrying";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    public static bool IsFinished(string status) => status is Succeeded or Failed;
}
