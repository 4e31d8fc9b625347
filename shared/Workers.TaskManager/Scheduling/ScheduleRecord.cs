namespace Workers.TaskManager.Scheduling;

/// <summary>A schedule the scheduler has seen (<c>taskmanager.schedules</c>): from when it counts occurrences.</summary>
public sealed class ScheduleRecord
{
    /// <summary>The schedule's name in <c>shared/fleet.json</c>.</summary>
    public required string Name { get; set; }

    /// <summary>The worker that runs it.</summary>
    public required string Worker { get; set; }

    /// <summary>The cron expression in force when it last ran (the declared one, or a deployment's override).</summary>
    public required string Cron { get; set; }

    /// <summary>When the scheduler first saw it: occurrences before this were never due (a new schedule does not catch up on history).</summary>
    public DateTimeOffset Since { get; set; }
}
