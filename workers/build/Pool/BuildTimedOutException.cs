namespace Workers.Build.Pool;

// A build ran past BuildPool:BuildTimeout; its process was killed and is being replaced.
internal sealed class BuildTimedOutException(TimeSpan timeout, int pid)
    : Exception($"The build did not finish within {timeout.TotalSeconds:0.###} s; build server {pid} was stopped and replaced.")
{
    public TimeSpan Timeout { get; } = timeout;
}
