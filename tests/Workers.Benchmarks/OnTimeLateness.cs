using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Workers.Fleet;
using Workers.TaskManager;
using Workers.TaskManager.Outbox;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;
using Workers.Testing;

namespace Workers.Benchmarks;

// How late time-driven work reaches its handler (issue #11: "fire within seconds of their time"), wall clock:
//   due    one-off outbox rows due at staggered times over the next seconds (a payment deadline) → handler
//   cron   the fleet scheduler's occurrences of a schedule every second → handler
//   timer  the anchor, in the same run: an in-process Task.Delay until each due time, no database and no queue —
//          the floor this machine's timers allow whatever the framework.
internal sealed class OnTimeLateness(LocalStack stack, TestDatabase database)
{
    private static readonly FleetDeclaration Fleet = FleetDeclaration.Parse(TestFleet.Json(
        """{ "sink": { "taskTypes": { "due": {}, "tick": {} } } }""",
        """{ "tick": { "worker": "sink", "taskType": "tick", "cron": "* * * * * *", "timeZone": "Asia/Tokyo", "body": { "n": 0 } } }""",
        maxInFlight: 100));

    public async Task<Lateness> DueAsync(int samples, TimeSpan spread)
    {
        var sink = new LatenessSink(samples);
        await using var queues = await TestQueues.CreateAsync(stack.Sqs, "bench-due");
        using var host = CreateHost(queues.QueueUrl, sink, scheduler: false);
        await host.StartAsync();
        var start = DateTimeOffset.UtcNow.AddSeconds(2);
        var run = Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            for (var i = 0; i < samples; i++)
            {
                var due = start + (spread * i / samples);
                sink.Expect($"{run}-{i}", due);
                await TaskOutbox.EnqueueAsync(connection, null, Fleet, "sink", TaskMessage.Create("due", new BenchBody(i), $"g{i % 20}", $"{run}-{i}"), due);
            }
        }

        await sink.All.WaitAsync(spread + TimeSpan.FromMinutes(2));
        await host.StopAsync();
        return sink.Lateness();
    }

    public async Task<Lateness> CronAsync(int occurrences)
    {
        // A schedule seen for the first time: an earlier run's watermark would make this one catch up the seconds
        // between the runs, which are late by design and not what is measured here.
        await using (var db = new TaskStoreDbContext(TestMigrations.Options<TaskStoreDbContext>(database.ConnectionString, TaskStoreDbContext.Schema)))
        {
            await db.ScheduleRuns.ExecuteDeleteAsync();
            await db.Schedules.ExecuteDeleteAsync();
        }

        var sink = new LatenessSink(occurrences, expectAny: true);
        await using var queues = await TestQueues.CreateAsync(stack.Sqs, "bench-cron");
        using var host = CreateHost(queues.QueueUrl, sink, scheduler: true);
        await host.StartAsync();
        await sink.All.WaitAsync(TimeSpan.FromSeconds(occurrences) + TimeSpan.FromMinutes(2));
        await host.StopAsync();
        return sink.Lateness();
    }

    public static async Task<Lateness> TimerAsync(int samples, TimeSpan spread)
    {
        var start = DateTimeOffset.UtcNow.AddSeconds(1);
        var late = await Task.WhenAll(Enumerable.Range(0, samples).Select(async i =>
        {
            var due = start + (spread * i / samples);
            await Task.Delay(due - DateTimeOffset.UtcNow);
            return (DateTimeOffset.UtcNow - due).TotalMilliseconds;
        }));
        return Lateness.Of(late);
    }

    private IHost CreateHost(string queueUrl, LatenessSink sink, bool scheduler) =>
        SinkHost.Create(
            Fleet,
            queueUrl,
            database.ConnectionString,
            sink,
            tasks => tasks.AddTask<BenchBody, LatenessHandler>("due").AddTask<BenchBody, LatenessHandler>("tick"),
            scheduler);
}

// Milliseconds after the due time, over every sample of one run.
internal sealed record Lateness(double P50, double P95, double Max, int Samples)
{
    public static Lateness Of(IReadOnlyCollection<double> late)
    {
        var sorted = late.Order().ToList();
        return new(sorted[sorted.Count / 2], sorted[(int)(sorted.Count * 0.95)], sorted[^1], sorted.Count);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{P50:0} / {P95:0} / {Max:0} ({Samples} samples)");
}

// When each expected task reached its handler, against when it was due. A scheduled occurrence is due at the
// instant its task id names ("tick@yyyyMMddTHHmmssZ").
internal sealed class LatenessSink(int expected, bool expectAny = false)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _due = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> _late = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task All => _all.Task;

    public void Expect(string taskId, DateTimeOffset due) => _due[taskId] = due;

    public void Handled(string taskId)
    {
        var now = DateTimeOffset.UtcNow;
        var due = expectAny
            ? DateTimeOffset.ParseExact(taskId[(taskId.IndexOf('@', StringComparison.Ordinal) + 1)..], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : _due[taskId];
        if (_late.TryAdd(taskId, (now - due).TotalMilliseconds) && _late.Count == expected)
        {
            _all.TrySetResult();
        }
    }

    public Lateness Lateness() => Benchmarks.Lateness.Of([.. _late.Values]);
}

internal sealed class LatenessHandler(LatenessSink sink) : ITaskHandler<BenchBody>
{
    public Task HandleAsync(TaskContext<BenchBody> task, CancellationToken cancellationToken)
    {
        sink.Handled(task.Info.TaskId);
        return Task.CompletedTask;
    }
}
