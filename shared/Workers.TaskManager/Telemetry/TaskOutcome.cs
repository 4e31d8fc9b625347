namespace Workers.TaskManager.Telemetry;

// How the handling of one delivery ended; a metric tag and the group scheduler's cue.
internal enum TaskOutcome
{
    Succeeded,
    Duplicate,
    Failed,
    DeadLettered,
    Released,
}
