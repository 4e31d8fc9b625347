using System.Reflection;
using Npgsql;
using Workers.TaskManager.Scheduling;
using Workers.TaskManager.Tests.Outbox;
using Workers.Testing;

namespace Workers.TaskManager.Tests.Scheduling;

// A worker process running a schedule every second is killed (Environment.FailFast at a failpoint: no cleanup, like
// kill -9) with an occurrence written but not committed, and with it committed but not yet published. The next
// process catches up from the watermark: every second from the schedule's start is enqueued, none twice, and each
// reaches the queue once. The ticks go to a queue nobody consumes, where the test counts them.
public sealed class SchedulerCrashTests : OutboxTest
{
    private readonly string _fleetFile = Path.GetTempFileName();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_fleetFile);
    }

    [Theory]
    [InlineData("scheduler-before-commit")]
    [InlineData("scheduler-after-commit")]
    public async Task Killing_the_process_around_an_occurrence_neither_loses_nor_doubles_it(string failpoint)
    {
        var fleet = TestFleet.Json(
            OutboxFleet.Workers,
            """{ "every-second": { "worker": "test", "taskType": "echo", "cron": "* * * * * *", "timeZone": "Asia/Tokyo", "body": { "text": "tick" } } }""");
        await File.WriteAllTextAsync(_fleetFile, fleet, Cancellation);

        await using (var killed = StartWorker(failpoint))
        {
            Assert.NotEqual(0, await killed.WaitForExitAsync(Patience));
            Assert.Contains($"Failpoint {failpoint}", killed.Output, StringComparison.Ordinal);
        }

        var atCrash = await CountAsync("SELECT count(*) FROM taskmanager.schedule_runs");
        Assert.Equal(failpoint == "scheduler-before-commit" ? 0 : 1, atCrash);

        // The next process catches up and goes on; it is stopped once the fifth second after the start is enqueued.
        await using var connection = await OpenAsync();
        await using var since = new NpgsqlCommand("SELECT since FROM taskmanager.schedules", connection);
        var start = new DateTimeOffset((DateTime)(await since.ExecuteScalarAsync(Cancellation))!);
        var fifth = ActiveSchedule.TaskId("every-second", start.AddTicks(-(start.Ticks % TimeSpan.TicksPerSecond)).AddSeconds(5));
        await using (var next = StartWorker(failpoint: null))
        {
            await next.WaitForLineAsync($"task {fifth}", Patience);
        }

        // Every second after the schedule was first seen, to the last one written: no gap, no repeat.
        var runs = await CountAsync("SELECT count(*) FROM taskmanager.schedule_runs WHERE outcome = 'enqueued'");
        var span = await CountAsync("""
            SELECT extract(epoch FROM max(r.occurrence_at) - date_trunc('second', s.since))::bigint
            FROM taskmanager.schedule_runs r JOIN taskmanager.schedules s ON s.name = r.schedule GROUP BY s.since
            """);
        Assert.True(runs >= 5, $"{runs} occurrence(s) enqueued");
        Assert.Equal(span, runs);
        Assert.Equal(runs, await CountAsync("SELECT count(DISTINCT task_id) FROM taskmanager.outbox WHERE task_id LIKE 'every-second@%'"));

        // The second process is killed too, and the kill may fall after SQS took an occurrence but before its
        // row was marked sent: that message is on the queue while its row still waits for the next dispatcher
        // (whose send SQS would drop as a repeat of the same deduplication id). So between the rows marked sent
        // and every row, each task once.
        var sent = (int)await CountAsync("SELECT count(*) FROM taskmanager.outbox WHERE sent_at IS NOT NULL");
        var ticks = await ReceiveFollowUpsAsync(sent);
        ticks.AddRange(await FollowQueues.ReceiveAsync(FollowQueues.QueueUrl, (int)runs - sent + 1, TimeSpan.FromSeconds(3)));
        Assert.InRange(ticks.Count, sent, (int)runs);
        Assert.Equal(ticks.Count, ticks.Select(TaskIdOf).Distinct(StringComparer.Ordinal).Count());
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var count = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await count.ExecuteScalarAsync(Cancellation) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    private WorkerProcess StartWorker(string? failpoint)
    {
        var configuration = GetType().Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepositoryRoot.Path, "tests", "Workers.OutboxTestWorker", "bin", configuration, "net10.0", "Workers.OutboxTestWorker.dll");
        return WorkerProcess.Start(failpoint ?? "scheduler", dll, new Dictionary<string, string?>
        {
            ["ConnectionStrings__Workers"] = Database.ConnectionString,
            ["Fleet__Environment"] = "local",
            ["Fleet__QueueUrls__test"] = FollowQueues.QueueUrl, // the ticks: counted, not consumed
            ["TaskManager__QueueUrl"] = Queues.QueueUrl,
            ["Metrics__Emf"] = "false",
            ["OutboxTest__Fleet"] = _fleetFile,
            ["WORKERS_FAILPOINT"] = failpoint,
        });
    }
}
