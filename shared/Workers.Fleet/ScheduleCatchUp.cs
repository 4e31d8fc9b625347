namespace Workers.Fleet;

/// <summary>
/// What the scheduler enqueues for occurrences missed while no process of the worker ran (fleet.json
/// <c>catchUp</c>), within the catch-up window; older ones are skipped either way.
/// </summary>
public enum ScheduleCatchUp
{
    /// <summary><c>"each"</c> (the default): every missed occurrence is its own task, oldest first.</summary>
    Each,

    /// <summary>
    /// <c>"latest"</c>: only the latest missed occurrence is enqueued, the others are recorded as skipped; for a task
    /// that evaluates "as of now" (a status sync), where one late run does what all of them would, as a Kubernetes
    /// CronJob starts one job for its missed schedules.
    /// </summary>
    Latest,
}
