using Workers.Fleet;
using Workers.TaskManager.Scheduling;

namespace Workers.TaskManager.Tests.Scheduling;

// Which occurrences are due, computed from a UTC clock for schedules read in Asia/Tokyo (UTC+9, no daylight saving).
public sealed class ScheduleCalendarTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public void Tokyo_midnight_falls_at_15_00_UTC_of_the_day_before()
    {
        var due = ScheduleCalendar.Due(SchedulerFleet.Schedule("midnight"), Utc("2026-12-06T14:00:00"), Utc("2026-12-07T16:00:00"), Day * 2, 100);

        Assert.Equal([Utc("2026-12-06T15:00:00"), Utc("2026-12-07T15:00:00")], due.Enqueue);
        Assert.Equal(0, due.Skipped);
    }

    [Fact]
    public void Month_ends_are_the_last_days_of_the_months_in_Tokyo_leap_day_included()
    {
        var due = ScheduleCalendar.Due(SchedulerFleet.Schedule("month-end"), Utc("2027-12-30T00:00:00"), Utc("2028-04-29T00:00:00"), Day * 200, 100);

        // Midnight at the start of each month's last day, Tokyo time: 15:00 UTC the day before it.
        Assert.Equal(
            [Utc("2027-12-30T15:00:00"), Utc("2028-01-30T15:00:00"), Utc("2028-02-28T15:00:00"), Utc("2028-03-30T15:00:00")],
            due.Enqueue);
    }

    [Fact]
    public void A_monthly_occurrence_at_Tokyo_midnight_of_the_first_is_on_the_last_day_of_the_month_before_in_UTC()
    {
        var first = SchedulerFleet.Schedule("hourly", cron: "0 0 1 * *");

        var due = ScheduleCalendar.Due(first, Utc("2026-01-15T00:00:00"), Utc("2026-03-15T00:00:00"), Day * 90, 100);

        Assert.Equal([Utc("2026-01-31T15:00:00"), Utc("2026-02-28T15:00:00")], due.Enqueue);
    }

    [Fact]
    public void Occurrences_missed_beyond_the_catch_up_window_are_counted_as_skipped_and_the_rest_enqueued_oldest_first()
    {
        // Down from 00:30 to 05:00 UTC with a window of two and a half hours: 01:00 and 02:00 are too old, 03:00–05:00 are caught up.
        var due = ScheduleCalendar.Due(SchedulerFleet.Schedule("hourly"), Utc("2026-12-07T00:30:00"), Utc("2026-12-07T05:00:00"), TimeSpan.FromHours(2.5), 100);

        Assert.Equal([Utc("2026-12-07T03:00:00"), Utc("2026-12-07T04:00:00"), Utc("2026-12-07T05:00:00")], due.Enqueue);
        Assert.Equal((2, Utc("2026-12-07T01:00:00"), Utc("2026-12-07T02:00:00")), (due.Skipped, due.FirstSkipped!.Value, due.LastSkipped!.Value));
    }

    [Fact]
    public void A_schedule_that_catches_up_its_latest_enqueues_only_the_latest_missed_occurrence_and_skips_the_rest()
    {
        // Down from 00:05 to 01:00 UTC: 00:10 to 01:00 missed, six occurrences; one task, for 01:00.
        var due = ScheduleCalendar.Due(SchedulerFleet.Schedule("status-sync"), Utc("2026-12-07T00:05:00"), Utc("2026-12-07T01:00:00"), Day, 1);

        Assert.Equal([Utc("2026-12-07T01:00:00")], due.Enqueue);
        Assert.Equal((5, Utc("2026-12-07T00:10:00"), Utc("2026-12-07T00:50:00")), (due.Skipped, due.FirstSkipped!.Value, due.LastSkipped!.Value));
    }

    [Fact]
    public void A_round_takes_at_most_its_limit_and_leaves_the_rest_for_the_next()
    {
        var due = ScheduleCalendar.Due(SchedulerFleet.Schedule("hourly"), Utc("2026-12-07T00:00:00"), Utc("2026-12-07T10:00:00"), Day, 4);

        Assert.Equal(Utc("2026-12-07T04:00:00"), due.Enqueue[^1]);
        Assert.Equal(4, due.Enqueue.Count);
    }

    [Fact]
    public void A_clock_behind_the_watermark_makes_nothing_due()
    {
        var due = ScheduleCalendar.Due(SchedulerFleet.Schedule("hourly"), Utc("2026-12-07T05:00:00"), Utc("2026-12-07T04:10:00"), Day, 100);

        Assert.True(due.IsEmpty);
    }

    [Fact]
    public void An_occurrence_s_task_id_is_the_schedule_and_its_UTC_second()
    {
        Assert.Equal("midnight@20261206T150000Z", ActiveSchedule.TaskId("midnight", DateTimeOffset.Parse("2026-12-07T00:00:00+09:00", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_schedule_that_names_an_undeclared_worker_or_task_type_a_bad_expression_or_an_unknown_zone_is_refused()
    {
        var failure = Assert.Throws<FleetDeclarationException>(() => SchedulerFleet.Parse(
            """
            "Bad Name": { "worker": "nobody", "taskType": "tick", "cron": "0 * * * *", "timeZone": "Asia/Tokyo" },
            "wrong-type": { "worker": "test", "taskType": "echo", "cron": "0 * * * *", "timeZone": "Asia/Tokyo" },
            "bad-cron": { "worker": "test", "taskType": "tick", "cron": "61 * * * *", "timeZone": "Asia/Tokyo" },
            "bad-zone": { "worker": "test", "taskType": "tick", "cron": "0 * * * *", "timeZone": "Asia/Atlantis" },
            "bad-body": { "worker": "test", "taskType": "tick", "cron": "0 * * * *", "timeZone": "Asia/Tokyo", "body": [1] },
            "bad-catch-up": { "worker": "test", "taskType": "tick", "cron": "0 * * * *", "timeZone": "Asia/Tokyo", "catchUp": "all" }
            """));

        Assert.Contains(failure.Errors, e => e.Contains("schedules.Bad Name: the name", StringComparison.Ordinal));
        Assert.Contains(failure.Errors, e => e.Contains("worker 'nobody' is not declared", StringComparison.Ordinal));
        Assert.Contains(failure.Errors, e => e.Contains("task type 'echo' is not declared on worker 'test'", StringComparison.Ordinal));
        Assert.Contains(failure.Errors, e => e.Contains("cron '61 * * * *' does not parse", StringComparison.Ordinal));
        Assert.Contains(failure.Errors, e => e.Contains("time zone 'Asia/Atlantis' does not exist", StringComparison.Ordinal));
        Assert.Contains(failure.Errors, e => e.Contains("schedules.bad-body: body must be a JSON object", StringComparison.Ordinal));
        Assert.Contains(failure.Errors, e => e.Contains("schedules.bad-catch-up: catchUp 'all' must be", StringComparison.Ordinal));
    }

    [Fact]
    public void The_repository_declares_the_scheduled_worker_s_schedules_in_Tokyo()
    {
        var schedules = FleetDeclaration.Current.Worker("scheduled").Schedules;

        Assert.Equal(["bundle-status", "sale-status", "set-deal-status"], schedules.Select(s => s.Name));
        Assert.All(schedules, s => Assert.Equal("Asia/Tokyo", s.TimeZone.Id));

        // Each evaluates as of now: after downtime one late run does what all the missed ones would.
        Assert.All(schedules, s => Assert.Equal(ScheduleCatchUp.Latest, s.CatchUp));
    }

    private static DateTimeOffset Utc(string time) =>
        DateTimeOffset.Parse(time + "Z", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
}
