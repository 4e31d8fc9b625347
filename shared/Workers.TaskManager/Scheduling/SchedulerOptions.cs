using System.ComponentModel.DataAnnotations;

namespace Workers.TaskManager.Scheduling;

/// <summary>
/// The fleet scheduler every worker host with a database runs for the schedules that target its worker
/// (section <c>TaskManager:Scheduler</c>; the schedules themselves are declared in <c>shared/fleet.json</c>).
/// </summary>
public sealed class SchedulerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "TaskManager:Scheduler";

    /// <summary>Run the scheduler. Off, no process of this deployment enqueues occurrences (another may).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Occurrences missed while no process of the worker ran (a deploy, an outage) are enqueued late if they are at
    /// most this old; older ones are skipped and reported (a log warning and a "skipped" run in
    /// <c>workers schedules</c>). A day covers a daily schedule missed overnight.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "31.00:00:00")]
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>At most this many late occurrences of one schedule are enqueued in one round; the rest follow in the next.</summary>
    [Range(1, 10_000)]
    public int MaxOccurrencesPerRound { get; set; } = 500;

    /// <summary>
    /// The longest the scheduler sleeps between two looks, whatever the next occurrence: how late, at most, it
    /// notices a clock step or a schedule that another process changed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Per-deployment changes to a declared schedule, by name: another <c>Cron</c> (a staging environment that
    /// runs the sales every minute), or <c>Enabled: false</c>. The declaration itself stays in fleet.json.
    /// </summary>
    public Dictionary<string, ScheduleOverride> Schedules { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A deployment's change to one declared schedule (<c>TaskManager:Scheduler:Schedules:{name}</c>).</summary>
public sealed class ScheduleOverride
{
    /// <summary>Enqueue this schedule's occurrences here.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The cron expression to use instead of the declared one (same dialect: five fields, or six with seconds).</summary>
    public string? Cron { get; set; }
}
