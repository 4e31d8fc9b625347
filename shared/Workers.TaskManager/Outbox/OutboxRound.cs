namespace Workers.TaskManager.Outbox;

// How a publishing round ended, which decides how long the dispatcher waits before the next.
internal enum OutboxRound
{
    // Fewer due rows than a batch (or none): wait for a notification, the next due time or the poll.
    Done,

    // A full batch: more may be due, go on at once.
    Full,

    // Another process of this worker holds the lock and is publishing.
    Busy,
}
