using Workers.Fleet;
using Workers.Cli.Tests.Infrastructure;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Scheduling;
using Workers.Testing;

namespace Workers.Cli.Tests;

// `workers schedules` reads the fleet's schedules and what the scheduler recorded (written here through the
// TaskManager's own EF model, as a scheduled worker's rounds and task records would have left them).
public sealed class SchedulesTests : CliTest
{
    [Fact]
    public async Task Schedules_lists_every_declared_schedule_with_its_next_run_last_run_and_the_outcome_of_the_last()
    {
        var since = DateTimeOffset.UtcNow.AddDays(-2);
        await using (var db = new TaskStoreDbContext(TestMigrations.Options<TaskStoreDbContext>(Database.ConnectionString, TaskStoreDbContext.Schema)))
        {
            db.Schedules.AddRange(
                new ScheduleRecord { Name = "sale-status", Worker = "scheduled", Cron = "*/5 * * * *", Since = since },
                new ScheduleRecord { Name = "bundle-status", Worker = "scheduled", Cron = "0 0 * * *", Since = since });
            db.ScheduleRuns.AddRange(
                Run("sale-status", new DateTimeOffset(2026, 12, 7, 5, 0, 0, TimeSpan.Zero), "sale-status@20261207T050000Z"),
                new ScheduleRunRecord
                {
                    Schedule = "bundle-status", OccurrenceAt = new DateTimeOffset(2026, 12, 5, 15, 0, 0, TimeSpan.Zero), Outcome = ScheduleRunRecord.Skipped,
                    SkippedCount = 2, SkippedFrom = new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero), RecordedAt = DateTimeOffset.UtcNow,
                });
            db.Tasks.Add(new TaskRecord
            {
                TaskId = "sale-status@20261207T050000Z", Worker = "scheduled", TaskType = "updateSaleStatus", GroupId = "sale-status",
                State = TaskState.Succeeded, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(Cancellation);
        }

        var run = await RunAsync("schedules");

        Assert.Equal(0, run.ExitCode);
        var lines = run.OutputLines;
        Assert.Contains(lines, l => l.Contains("sale-status", StringComparison.Ordinal) && l.Contains("*/5 * * * * (Asia/Tokyo), declared * * * * *", StringComparison.Ordinal)
            && l.Contains("2026-12-07 05:00:00.000Z", StringComparison.Ordinal) && l.Contains("succeeded", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("bundle-status", StringComparison.Ordinal) && l.Contains("skipped 2 missed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("set-deal-status", StringComparison.Ordinal) && l.Contains("never run", StringComparison.Ordinal));
        Assert.Equal(FleetDeclaration.Current.Schedules.Count, lines.Count(l => l.Contains("scheduled / ", StringComparison.Ordinal)));
    }

    private static ScheduleRunRecord Run(string schedule, DateTimeOffset occurrence, string taskId) => new()
    {
        Schedule = schedule, OccurrenceAt = occurrence, TaskId = taskId, Outcome = ScheduleRunRecord.Enqueued, RecordedAt = occurrence,
    };
}
