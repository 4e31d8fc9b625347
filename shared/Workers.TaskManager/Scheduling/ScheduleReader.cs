using Microsoft.EntityFrameworkCore;
using Npgsql;
using Workers.Fleet;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Persistence.Tables;

namespace Workers.TaskManager.Scheduling;

/// <summary>Reads what the fleet scheduler did, for operators (<c>workers schedules</c>).</summary>
public sealed class ScheduleReader(TaskStoreDbContext db)
{
    /// <summary>Every schedule of <paramref name="fleet"/>, by name, as of <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<ScheduleStatus>> ReadAsync(FleetDeclaration fleet, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var latest = new Dictionary<string, (ScheduleRunRecord Run, TaskState? State, DateTimeOffset? UpdatedAt, DateTimeOffset Since)>(StringComparer.Ordinal);
        var crons = new Dictionary<string, (string Cron, DateTimeOffset Since)>(StringComparer.Ordinal);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var runs = new NpgsqlCommand(SchedulesTable.LatestRuns, connection))
            await using (var reader = await runs.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var run = new ScheduleRunRecord
                    {
                        Schedule = reader.GetString(0),
                        OccurrenceAt = reader.GetFieldValue<DateTimeOffset>(1),
                        TaskId = reader.IsDBNull(2) ? null : reader.GetString(2),
                        Outcome = reader.GetString(3),
                        SkippedCount = reader.GetInt64(4),
                        SkippedFrom = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                    };
                    var state = reader.IsDBNull(6) ? (TaskState?)null : Enum.Parse<TaskState>(reader.GetString(6));
                    latest[run.Schedule] = (run, state, reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8));
                }
            }

            foreach (var seen in await db.Schedules.AsNoTracking().ToListAsync(cancellationToken))
            {
                crons[seen.Name] = (seen.Cron, seen.Since);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return [.. fleet.Schedules.Values.OrderBy(s => s.Name, StringComparer.Ordinal).Select(schedule =>
        {
            var cron = crons.TryGetValue(schedule.Name, out var seen) ? seen.Cron : schedule.Cron;
            var next = ScheduleCron.Parse(cron).GetNextOccurrence(now, schedule.TimeZone, inclusive: false);
            return latest.TryGetValue(schedule.Name, out var last)
                ? new ScheduleStatus(schedule, cron, next, last.Run, last.State, last.UpdatedAt, last.Since)
                : new ScheduleStatus(schedule, cron, next, null, null, null, seen == default ? null : seen.Since);
        })];
    }
}
