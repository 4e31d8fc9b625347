using Workers.Fleet;

namespace Workers.TaskManager.Scheduling;

/// <summary>
/// A declared schedule as operators see it (<c>workers schedules</c>): the expression in force, its next
/// occurrence, and its last run with the outcome of that run's task.
/// </summary>
/// <param name="Schedule">The declaration.</param>
/// <param name="Cron">The expression in force: what the scheduler last ran with (a deployment's override), else the declared one.</param>
/// <param name="Next">The next occurrence after the time asked about; null when the expression has none left.</param>
/// <param name="LastRun">The latest occurrence written (enqueued or skipped); null when it never ran.</param>
/// <param name="LastTaskState">The state of the last enqueued occurrence's task; null while no worker has received it.</param>
/// <param name="LastTaskUpdatedAt">When that task's record last changed.</param>
/// <param name="Since">When the scheduler first saw the schedule; null when no process has run it.</param>
public sealed record ScheduleStatus(
    FleetSchedule Schedule,
    string Cron,
    DateTimeOffset? Next,
    ScheduleRunRecord? LastRun,
    Persistence.TaskState? LastTaskState,
    DateTimeOffset? LastTaskUpdatedAt,
    DateTimeOffset? Since);
