namespace Workers.TaskManager.Telemetry;

// How the handling of one delivery ended; a metric tag and the group scheduler's cue.
internal enum TaskOutcome
{
    Succeeded,
    Duplicate,
    Failed,

    // Failed, but later messages of its group are held here: retried in place after the backoff, so their
    // receive counts (which SQS would raise by handing them back) are not spent.
    RetryInPlace,
    DeadLettered,
    Released,

    // A dependency (the database, S3, an API the handler declared) is down: the message is held in place until
    // it is back, without counting an attempt.
    WaitingForDependency,
}
