using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Workers.TaskManager.Scheduling;
using static Workers.TaskManager.Persistence.Tables.SqlParameters;

namespace Workers.TaskManager.Persistence.Tables;

// Every statement on taskmanager.schedules and taskmanager.schedule_runs, and their EF mapping. A scheduler round
// runs them in one transaction with the outbox rows of the occurrences it enqueues (OutboxTable.Insert).
internal static class SchedulesTable
{
    public const string Name = "schedules";
    public const string RunsName = "schedule_runs";

    // The first key of the two-key advisory lock on one schedule: "schd" in ASCII (cf. OutboxTable's "outb").
    private const int LockClass = 0x73636864;

    public static void Configure(ModelBuilder model)
    {
        model.Entity<ScheduleRecord>(schedule =>
        {
            schedule.ToTable(Name);
            schedule.HasKey(s => s.Name);
            schedule.Property(s => s.Name).HasMaxLength(64);
            schedule.Property(s => s.Worker).HasMaxLength(64);
            schedule.Property(s => s.Cron).HasMaxLength(200);
        });
        model.Entity<ScheduleRunRecord>(run =>
        {
            run.ToTable(RunsName);
            run.HasKey(r => new { r.Schedule, r.OccurrenceAt });
            run.Property(r => r.Schedule).HasMaxLength(64);
            run.Property(r => r.TaskId).HasMaxLength(128);
            run.Property(r => r.Outcome).HasMaxLength(16);
        });
    }

    // Rounds of one schedule take turns (two processes of the worker, or two hosts): the second waits for the
    // first's commit and finds its occurrences written. The key (schedule, occurrence) would refuse a repeat anyway.
    public static NpgsqlCommand Lock(NpgsqlConnection connection, NpgsqlTransaction transaction, string schedule) =>
        new("SELECT pg_advisory_xact_lock($1, hashtext($2))", connection, transaction)
        {
            Parameters = { Value(LockClass), Text(schedule) },
        };

    // Registers the schedule on first sight (from `now`: a new schedule does not run its past) and returns its
    // watermark: the latest occurrence already written, or when it was first seen.
    public static NpgsqlCommand Register(NpgsqlConnection connection, NpgsqlTransaction transaction, ActiveSchedule schedule, DateTimeOffset now) =>
        new("""
            INSERT INTO taskmanager.schedules (name, worker, cron, since) VALUES ($1, $2, $3, $4)
            ON CONFLICT (name) DO UPDATE SET worker = EXCLUDED.worker, cron = EXCLUDED.cron
            RETURNING GREATEST(since, (SELECT max(r.occurrence_at) FROM taskmanager.schedule_runs r WHERE r.schedule = $1))
            """, connection, transaction)
        {
            Parameters = { Text(schedule.Name), Text(schedule.Declared.Worker), Text(schedule.Cron), Time(now) },
        };

    // The round's occurrences: one row per enqueued occurrence, and one for those it skipped (if any).
    public static NpgsqlBatch InsertRuns(NpgsqlConnection connection, NpgsqlTransaction transaction, ActiveSchedule schedule, DueOccurrences due, DateTimeOffset now)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        if (due.Enqueue.Count > 0)
        {
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO taskmanager.schedule_runs (schedule, occurrence_at, task_id, outcome, skipped_count, recorded_at)
                SELECT $1, o, t, 'enqueued', 0, $4 FROM unnest($2::timestamptz[], $3::text[]) AS x(o, t)
                ON CONFLICT DO NOTHING
                """,
                Text(schedule.Name),
                new NpgsqlParameter { Value = due.Enqueue.Select(o => o.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
                TextArray(due.Enqueue.Select(o => ActiveSchedule.TaskId(schedule.Name, o))),
                Time(now)));
        }

        if (due.Skipped > 0)
        {
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO taskmanager.schedule_runs (schedule, occurrence_at, task_id, outcome, skipped_count, skipped_from, recorded_at)
                VALUES ($1, $2, NULL, 'skipped', $3, $4, $5)
                ON CONFLICT DO NOTHING
                """,
                Text(schedule.Name), Time(due.LastSkipped), Value(due.Skipped), Time(due.FirstSkipped), Time(now)));
        }

        return batch;
    }

    // Runs older than the retention are deleted, but never a schedule's latest: it is the watermark.
    public static NpgsqlCommand DeleteOld(NpgsqlConnection connection, NpgsqlTransaction transaction, string schedule, DateTimeOffset before) =>
        new("""
            DELETE FROM taskmanager.schedule_runs
            WHERE schedule = $1 AND occurrence_at < $2
              AND occurrence_at < (SELECT max(r.occurrence_at) FROM taskmanager.schedule_runs r WHERE r.schedule = $1)
            """, connection, transaction)
        {
            Parameters = { Text(schedule), Time(before) },
        };

    // Per schedule: its latest run, and the state of that run's task (null when no worker has received it yet).
    public const string LatestRuns = """
        SELECT DISTINCT ON (r.schedule) r.schedule, r.occurrence_at, r.task_id, r.outcome, r.skipped_count, r.skipped_from,
               t.state, t.updated_at, s.since
        FROM taskmanager.schedule_runs r
        JOIN taskmanager.schedules s ON s.name = r.schedule
        LEFT JOIN taskmanager.tasks t ON t.task_id = r.task_id
        ORDER BY r.schedule, r.occurrence_at DESC
        """;
}
