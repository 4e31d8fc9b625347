using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Workers.TaskManager.Scheduling;
using Workers.TaskManager.Telemetry;
using Workers.Testing;

namespace Workers.TaskManager.Tests.Scheduling;

// Scheduler rounds against the real database, on a fake clock: what each writes to the outbox and to the runs.
public sealed class SchedulerRoundTests : StackTest
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 0, 30, 0, TimeSpan.Zero);

    private readonly List<NpgsqlDataSource> _dataSources = [];
    private ServiceProvider _metrics = null!;

    protected override TestMigrations Migrations => Infrastructure.Migrations.Template;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }

        await _metrics.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task After_downtime_the_occurrences_within_the_window_are_enqueued_once_and_older_ones_are_recorded_as_skipped()
    {
        var round = Round(catchUp: TimeSpan.FromHours(2.5), only: "hourly");
        await round.RunAsync(Start, Cancellation); // first sight: counts from now, does not run the past

        // Nothing ran from 00:30 to 05:00 UTC.
        await round.RunAsync(Start.AddHours(4.5), Cancellation);
        await round.RunAsync(Start.AddHours(4.5), Cancellation);

        Assert.Equal(["hourly@20261207T030000Z", "hourly@20261207T040000Z", "hourly@20261207T050000Z"], await OutboxTaskIdsAsync());
        var skipped = Assert.Single(await RunsAsync(), r => r.Outcome == ScheduleRunRecord.Skipped);
        Assert.Equal((2L, Start.AddMinutes(30), Start.AddHours(1.5)), (skipped.SkippedCount, skipped.SkippedFrom!.Value, skipped.OccurrenceAt));
        Assert.Equal("{ \"n\": 1 }", await ScalarAsync<string>("SELECT body FROM taskmanager.outbox ORDER BY id LIMIT 1"));
        Assert.Equal("hourly", await ScalarAsync<string>("SELECT DISTINCT group_id FROM taskmanager.outbox"));
    }

    [Fact]
    public async Task Two_schedulers_at_once_enqueue_each_occurrence_once()
    {
        var first = Round(catchUp: TimeSpan.FromDays(1));
        var second = Round(catchUp: TimeSpan.FromDays(1));
        await first.RunAsync(Start, Cancellation);

        // Both processes wake for the same occurrences, many times over, concurrently: 01:00 to 15:00 UTC is fifteen
        // hourly occurrences and Tokyo's midnight (15:00 UTC); the status sync enqueues only its latest, 15:00, and
        // records the 86 ten-minute occurrences before it as skipped.
        var now = Start.AddHours(14.5);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : second).RunAsync(now, Cancellation)));

        var ids = await OutboxTaskIdsAsync();
        Assert.Equal(17, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("midnight@20261207T150000Z", ids);
        Assert.Contains("status-sync@20261207T150000Z", ids);
        var runs = await RunsAsync();
        Assert.Equal(17, runs.Count(r => r.Outcome == ScheduleRunRecord.Enqueued));
        Assert.Equal(86L, Assert.Single(runs, r => r.Outcome == ScheduleRunRecord.Skipped).SkippedCount);
    }

    [Fact]
    public async Task A_clock_stepped_back_repeats_no_occurrence_and_one_stepped_forward_skips_none()
    {
        var round = Round(catchUp: TimeSpan.FromDays(1), only: "hourly");
        await round.RunAsync(Start, Cancellation);
        await round.RunAsync(Start.AddMinutes(31), Cancellation); // 01:00 enqueued

        await round.RunAsync(Start.AddMinutes(-20), Cancellation); // stepped back an hour: 00:10
        await round.RunAsync(Start.AddMinutes(31), Cancellation); // and forward again past 01:00
        await round.RunAsync(Start.AddHours(3.5), Cancellation); // then a jump of three hours

        Assert.Equal(
            ["hourly@20261207T010000Z", "hourly@20261207T020000Z", "hourly@20261207T030000Z", "hourly@20261207T040000Z"],
            await OutboxTaskIdsAsync());
    }

    [Fact]
    public async Task The_scheduler_service_on_a_fake_clock_enqueues_each_occurrence_when_its_time_comes()
    {
        var time = new FakeTimeProvider(Start);
        var options = Microsoft.Extensions.Options.Options.Create(new SchedulerOptions { PollInterval = TimeSpan.FromMinutes(10) });
        using var scheduler = new FleetScheduler(Round(options, "hourly"), SchedulerFleet.Test, options, time, NullLogger<FleetScheduler>.Instance);
        await scheduler.StartAsync(Cancellation);

        // Its first round registers the schedule as of the fake clock's start; only then does the clock move, a
        // minute per look at the outbox, until 02:00 UTC has been enqueued. The service sleeps on the fake clock.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await ScalarAsync<long>("SELECT count(*) FROM taskmanager.schedules") == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Yield();
        }

        while ((await OutboxTaskIdsAsync()).Count < 2 && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromMinutes(1));
        }

        await scheduler.StopAsync(Cancellation);
        var ids = await OutboxTaskIdsAsync();
        Assert.Equal(["hourly@20261207T010000Z", "hourly@20261207T020000Z"], ids.Take(2));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    private SchedulerRound Round(TimeSpan catchUp, string? only = null) =>
        Round(Microsoft.Extensions.Options.Options.Create(new SchedulerOptions { CatchUpWindow = catchUp }), only);

    // A round of worker "test"; `only` leaves the other schedules disabled, as a deployment's override would.
    private SchedulerRound Round(IOptions<SchedulerOptions> options, string? only)
    {
        if (only is not null)
        {
            foreach (var other in SchedulerFleet.Test.Schedules.Where(s => s.Name != only))
            {
                options.Value.Schedules[other.Name] = new ScheduleOverride { Enabled = false };
            }
        }

        var dataSource = NpgsqlDataSource.Create(Database.ConnectionString);
        _dataSources.Add(dataSource);
        return new SchedulerRound(dataSource, SchedulerFleet.Test, options, new TaskManagerMetrics(_metrics.GetRequiredService<IMeterFactory>()), NullLogger<SchedulerRound>.Instance);
    }

    private async Task<List<string>> OutboxTaskIdsAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(Cancellation);
        await using var select = new NpgsqlCommand("SELECT task_id FROM taskmanager.outbox ORDER BY task_id", connection);
        await using var reader = await select.ExecuteReaderAsync(Cancellation);
        var ids = new List<string>();
        while (await reader.ReadAsync(Cancellation))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task<List<ScheduleRunRecord>> RunsAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(Cancellation);
        await using var select = new NpgsqlCommand("SELECT schedule, occurrence_at, task_id, outcome, skipped_count, skipped_from FROM taskmanager.schedule_runs ORDER BY occurrence_at", connection);
        await using var reader = await select.ExecuteReaderAsync(Cancellation);
        var runs = new List<ScheduleRunRecord>();
        while (await reader.ReadAsync(Cancellation))
        {
            runs.Add(new ScheduleRunRecord
            {
                Schedule = reader.GetString(0),
                OccurrenceAt = reader.GetFieldValue<DateTimeOffset>(1),
                TaskId = reader.IsDBNull(2) ? null : reader.GetString(2),
                Outcome = reader.GetString(3),
                SkippedCount = reader.GetInt64(4),
                SkippedFrom = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
            });
        }

        return runs;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(Cancellation);
        await using var select = new NpgsqlCommand(sql, connection);
        return (T)(await select.ExecuteScalarAsync(Cancellation))!;
    }
}
