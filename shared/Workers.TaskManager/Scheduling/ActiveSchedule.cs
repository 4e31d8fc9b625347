using System.Globalization;
using System.Text.Json;
using Cronos;
using Workers.Fleet;
using Workers.TaskManager.Publishing;

namespace Workers.TaskManager.Scheduling;

// A declared schedule as this deployment runs it: the declared cron, or the override's.
internal sealed class ActiveSchedule
{
    private readonly JsonElement _body;

    public ActiveSchedule(FleetSchedule declared, string? cronOverride)
    {
        Declared = declared;
        Cron = cronOverride ?? declared.Cron;
        Expression = cronOverride is null ? declared.Expression : ScheduleCron.Parse(cronOverride);
        using var body = JsonDocument.Parse(declared.Body);
        _body = body.RootElement.Clone();
    }

    public FleetSchedule Declared { get; }

    public string Name => Declared.Name;

    public string Cron { get; }

    public CronExpression Expression { get; }

    // An occurrence's identity, fleet-wide: the schedule and the instant (UTC, to the second). Every process that
    // computes the occurrence computes this id, so the outbox, SQS deduplication and the task record all see one task.
    public static string TaskId(string schedule, DateTimeOffset occurrence) =>
        schedule + "@" + occurrence.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public TaskMessage Message(DateTimeOffset occurrence) =>
        new(Declared.TaskType, _body, Declared.Group, TaskId(Name, occurrence));

    // The first occurrence strictly after `after`, or null when the expression has none left (a date in the past).
    public DateTimeOffset? Next(DateTimeOffset after) =>
        Expression.GetNextOccurrence(after, Declared.TimeZone, inclusive: false);
}
