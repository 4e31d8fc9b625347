namespace Workers.Build.Pool;

internal enum NodeProcessFailure
{
    // The process was gone before it took the request (it exited while idle, or never started).
    Exited,

    // The process exited while a request was in its hands: it crashed on that request, or something killed it
    // meanwhile (the OOM killer, an operator, the pool itself).
    ExitedDuringRequest,

    // No answer within the request's timeout.
    Timeout,

    // It answered something that is not the protocol.
    Protocol,
}
