namespace Workers.TaskManager.Outages;

// How waiting for a dependency ended for one held message.
internal enum HoldEnd
{
    // The dependency is back, or this message was chosen to probe it: run it again (same attempt).
    Retry,

    // Held for TaskManager:Outage:MaxHold: it goes back to the queue with backoff like any failure.
    Expired,

    // The worker is stopping: it goes back to the queue now.
    Stopping,
}
