using Spectre.Console;
using Workers.Cli.Output;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Scheduling;

namespace Workers.Cli.Schedules;

// The `workers schedules` table: one row per schedule. Times are UTC, as everywhere in the CLI; the cron column
// says which zone the expression is read in.
internal static class SchedulesTable
{
    private static readonly Style Attention = new(Color.Yellow);
    private static readonly Style Failed = new(Color.Red);

    public static Table Create(IReadOnlyList<ScheduleStatus> statuses, DateTimeOffset now)
    {
        var table = new Table()
            .AddColumn("schedule")
            .AddColumn("task")
            .AddColumn("cron")
            .AddColumn("next run")
            .AddColumn("last run")
            .AddColumn("outcome");
        foreach (var status in statuses)
        {
            table.AddRow(
                new Text(status.Schedule.Name),
                new Text($"{status.Schedule.Worker} / {status.Schedule.TaskType}"),
                new Text($"{status.Cron} ({status.Schedule.TimeZone.Id})" + (status.Cron == status.Schedule.Cron ? "" : $", declared {status.Schedule.Cron}")),
                new Text(status.Next is { } next ? $"{Formats.Time(next)} (in {Formats.Duration(next - now)})" : "none"),
                new Text(Formats.Time(status.LastRun?.OccurrenceAt)),
                Outcome(status));
        }

        return table;
    }

    private static Text Outcome(ScheduleStatus status) => status switch
    {
        { LastRun: null, Since: null } => new Text("never run: no process of the worker has started"),
        { LastRun: null } => new Text($"no occurrence since {Formats.Time(status.Since)}"),
        { LastRun.Outcome: ScheduleRunRecord.Skipped } => new Text(
            $"skipped {Formats.Count(status.LastRun.SkippedCount)} missed occurrence(s) from {Formats.Time(status.LastRun.SkippedFrom)}: older than the catch-up window", Attention),
        { LastTaskState: null } => new Text($"enqueued as {status.LastRun.TaskId}, not received yet"),
        { LastTaskState: TaskState.Succeeded } => new Text($"succeeded {Formats.Time(status.LastTaskUpdatedAt)} ({status.LastRun.TaskId})"),
        { LastTaskState: TaskState.DeadLettered } => new Text($"dead-lettered: workers task {status.LastRun.TaskId}", Failed),
        { LastTaskState: TaskState.Retrying } => new Text($"failed, retrying: workers task {status.LastRun.TaskId}", Attention),
        _ => new Text($"running ({status.LastRun.TaskId})"),
    };
}
