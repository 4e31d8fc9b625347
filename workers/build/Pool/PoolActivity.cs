using System.Diagnostics;

namespace Workers.Build.Pool;

// The build's span inside the task's "process build" span: waiting for a warm Node.js process and the build it
// runs, with which process took it, so a trace shows time spent queueing for the pool apart from bundling.
internal static class PoolActivity
{
    public const string SourceName = "Workers.Build";

    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? StartBuild(string? engine)
    {
        var activity = Source.StartActivity("build pool");
        activity?.SetTag("workers.build.engine", engine);
        return activity;
    }

    public static void Acquired(Activity? activity, NodeProcess process, TimeSpan waited)
    {
        activity?.SetTag("workers.build.process.pid", process.Pid);
        activity?.SetTag("workers.build.process.number", process.Number);
        activity?.SetTag("workers.build.pool_wait_ms", waited.TotalMilliseconds);
    }

    public static void Failed(Activity? activity, Exception exception)
    {
        activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity?.SetTag("error.type", exception.GetType().FullName);
    }
}
