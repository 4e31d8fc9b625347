namespace Workers.Build.Pool;

// A build server exited while it held a build, and the pool had not killed it: the build's source may have
// crashed the bundler, or something else (the OOM killer, an operator) killed the process. The process is
// replaced; the handler decides what the build becomes.
internal sealed class BuildServerCrashedException(int pid, int? exitCode, Exception inner)
    : NodeProcessException(
        $"Build server {pid} died during the build with {ExitCodes.Describe(exitCode)}.",
        NodeProcessFailure.ExitedDuringRequest,
        inner)
{
    public int Pid { get; } = pid;

    // Null when the process had not been reaped within BuildPool:RequestTimeout.
    public int? ExitCode { get; } = exitCode;
}
