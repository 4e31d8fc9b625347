namespace Workers.Build.Pool;

internal enum NodeProcessFailure
{
    // The process exited (crashed, killed, out of memory) or never started.
    Exited,

    // No answer within the request's timeout.
    Timeout,

    // It answered something that is not the protocol.
    Protocol,
}
