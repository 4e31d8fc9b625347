namespace Workers.Build.Pool;

// A build server that died, stopped answering or broke the protocol. The pool replaces the process; the build
// it was running is an infrastructure failure (PROCESS_ERROR, retried), except a build timeout (TIMEOUT). A
// process that died holding a build is the subclass BuildServerCrashedException.
internal class NodeProcessException(string message, NodeProcessFailure failure, Exception? inner = null)
    : Exception(message, inner)
{
    public NodeProcessFailure Failure { get; } = failure;
}
