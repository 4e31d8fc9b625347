using Cronos;

namespace Workers.Fleet;

/// <summary>
/// A recurring task of the fleet (<c>schedules</c> in <c>shared/fleet.json</c>): the fleet scheduler, running in
/// the target worker's processes, enqueues <see cref="TaskType"/> to <see cref="Worker"/> once per occurrence of
/// <see cref="Cron"/> in <see cref="TimeZone"/>, in FIFO group <see cref="Group"/>, with <see cref="Body"/>.
/// </summary>
public sealed class FleetSchedule
{
    internal FleetSchedule(string name, ScheduleDocument document)
    {
        Name = name;
        Worker = document.Worker;
        TaskType = document.TaskType;
        Cron = document.Cron;
        Expression = ScheduleCron.Parse(document.Cron);
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(document.TimeZone);
        Group = document.Group ?? name;
        Body = document.Body?.GetRawText() ?? "{}";
        Description = document.Description ?? $"{document.TaskType} on {document.Worker}, {document.Cron} ({document.TimeZone})";
        CatchUp = document.CatchUp == "latest" ? ScheduleCatchUp.Latest : ScheduleCatchUp.Each;
    }

    /// <summary>The schedule's name: part of every occurrence's task id, and what <c>workers schedules</c> lists.</summary>
    public string Name { get; }

    /// <summary>The worker whose queue receives the task (and whose processes run the schedule).</summary>
    public string Worker { get; }

    /// <summary>The task type, declared on <see cref="Worker"/>.</summary>
    public string TaskType { get; }

    /// <summary>The cron expression as declared: five fields, or six with seconds first.</summary>
    public string Cron { get; }

    /// <summary><see cref="Cron"/>, parsed.</summary>
    public CronExpression Expression { get; }

    /// <summary>The zone <see cref="Cron"/> is read in (the shops': Asia/Tokyo).</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The FIFO message group of every occurrence's task; the schedule's name unless declared.</summary>
    public string Group { get; }

    /// <summary>The task's body, as JSON; <c>{}</c> unless declared.</summary>
    public string Body { get; }

    /// <summary>What it is for, for operators.</summary>
    public string Description { get; }

    /// <summary>What becomes of occurrences missed while no process ran, within the catch-up window.</summary>
    public ScheduleCatchUp CatchUp { get; }
}
