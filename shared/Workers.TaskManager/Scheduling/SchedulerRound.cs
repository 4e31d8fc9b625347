using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Workers.Fleet;
using Workers.TaskManager.Outbox;
using Workers.TaskManager.Persistence.Tables;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Scheduling;

// One look at this worker's schedules as of `now`: per schedule, one transaction that takes the schedule's lock,
// reads its watermark, and writes a run row and an outbox row for every occurrence due since, then commits. The
// outbox dispatcher publishes the rows (its NOTIFY is sent on that commit). A process killed before the commit
// wrote nothing and the next round (of any process) writes it; killed after, the rows are there and the next
// round finds the watermark past them: an occurrence is enqueued once, whoever runs and however often.
internal sealed class SchedulerRound
{
    // Runs are kept this long for `workers schedules` and investigations (the latest is always kept).
    private static readonly TimeSpan RunRetention = TimeSpan.FromDays(30);

    private readonly NpgsqlDataSource _dataSource;
    private readonly FleetWorker _worker;
    private readonly SchedulerOptions _options;
    private readonly TaskManagerMetrics _metrics;
    private readonly ILogger<SchedulerRound> _logger;

    public SchedulerRound(NpgsqlDataSource dataSource, FleetWorker worker, IOptions<SchedulerOptions> options, TaskManagerMetrics metrics, ILogger<SchedulerRound> logger)
    {
        _metrics = metrics;
        _dataSource = dataSource;
        _worker = worker;
        _options = options.Value;
        _logger = logger;
        Schedules = [.. worker.Schedules
            .Select(s => (Declared: s, Change: _options.Schedules.GetValueOrDefault(s.Name)))
            .Where(s => s.Change?.Enabled ?? true)
            .Select(s => new ActiveSchedule(s.Declared, s.Change?.Cron))];
    }

    public IReadOnlyList<ActiveSchedule> Schedules { get; }

    // Enqueues what is due as of `now`; returns the earliest next occurrence (null when no schedule has one).
    public async Task<DateTimeOffset?> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        DateTimeOffset? next = null;
        foreach (var schedule in Schedules)
        {
            var more = await RunAsync(schedule, now, cancellationToken);

            // More late occurrences than one round takes: the next round follows at once.
            var after = more ? now : schedule.Next(now);
            next = after is { } n && (next is null || n < next) ? n : next;
        }

        return next;
    }

    // True when occurrences were left for the next round (MaxOccurrencesPerRound).
    private async Task<bool> RunAsync(ActiveSchedule schedule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockSchedule = SchedulesTable.Lock(connection, transaction, schedule.Name))
        {
            await lockSchedule.ExecuteNonQueryAsync(cancellationToken);
        }

        DateTimeOffset watermark;
        await using (var register = SchedulesTable.Register(connection, transaction, schedule, now))
        {
            // timestamptz comes back as a UTC DateTime.
            watermark = new DateTimeOffset((DateTime)(await register.ExecuteScalarAsync(cancellationToken))!);
        }

        var due = ScheduleCalendar.Due(schedule, watermark, now, _options.CatchUpWindow, _options.MaxOccurrencesPerRound);
        if (!due.IsEmpty)
        {
            await using (var runs = SchedulesTable.InsertRuns(connection, transaction, schedule, due, now))
            {
                await runs.ExecuteNonQueryAsync(cancellationToken);
            }

            if (due.Enqueue.Count > 0)
            {
                var entries = due.Enqueue.Select(o => OutboxTargets.Check(_worker.Fleet, _worker, _worker.Name, schedule.Message(o), dueAt: null)).ToList();
                await using var outbox = OutboxTable.Insert(connection, transaction, _worker.Name, entries);
                await outbox.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var cleanup = SchedulesTable.DeleteOld(connection, transaction, schedule.Name, now - RunRetention);
            await cleanup.ExecuteNonQueryAsync(cancellationToken);
            Failpoints.Hit(Failpoints.SchedulerBeforeCommit);
        }

        await transaction.CommitAsync(cancellationToken);
        if (due.IsEmpty)
        {
            return false;
        }

        Failpoints.Hit(Failpoints.SchedulerAfterCommit);
        if (due.Skipped > 0)
        {
            Log.OccurrencesSkipped(_logger, schedule.Name, due.Skipped, due.FirstSkipped!.Value, due.LastSkipped!.Value, _options.CatchUpWindow);
        }

        foreach (var occurrence in due.Enqueue)
        {
            Log.OccurrenceEnqueued(_logger, schedule.Name, occurrence, schedule.Declared.TaskType, ActiveSchedule.TaskId(schedule.Name, occurrence), now - occurrence);
        }

        _metrics.Occurrences(schedule.Name, due.Enqueue.Count, due.Skipped);
        return due.Enqueue.Count == _options.MaxOccurrencesPerRound;
    }
}
