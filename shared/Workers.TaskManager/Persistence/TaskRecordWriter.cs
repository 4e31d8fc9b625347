using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Workers.TaskManager.Outages;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Persistence;

// Records succeeded tasks in taskmanager.tasks off the hot path: completions queue up while one multi-row
// upsert is in flight and the next carries all of them, so a worker finishing thousands of tasks a second makes
// a handful of statements a second. The record follows the delete; it is a status for operators, not the
// idempotency mechanism (that is the step ledger, written inside the effects' own transaction).
internal sealed class TaskRecordWriter(NpgsqlDataSource dataSource, ILogger<TaskRecordWriter> logger) : IAsyncDisposable
{
    private const int MaxBatch = 2000;
    private const int Capacity = 50_000;

    private readonly Channel<TaskCompletion> _channel = Channel.CreateBounded<TaskCompletion>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _closing = new();
    private Task? _loop;
    private long _dropped;

    public void Start() => _loop ??= Task.Run(RunAsync);

    public void Succeeded(TaskCompletion completion)
    {
        if (!_channel.Writer.TryWrite(completion))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The consumer closes it after its drain, and the container disposes it again at the end.
        if (!_channel.Writer.TryComplete())
        {
            return;
        }

        if (_loop is not null)
        {
            // Give a database that is down a few seconds to come back, then stop waiting for it.
            _closing.CancelAfter(TimeSpan.FromSeconds(5));
            await _loop;
        }

        var dropped = Interlocked.Read(ref _dropped);
        if (dropped > 0)
        {
            Log.TaskRecordsDropped(logger, dropped);
        }
    }

    private async Task RunAsync()
    {
        var batch = new Dictionary<string, TaskCompletion>(StringComparer.Ordinal);
        while (await _channel.Reader.WaitToReadAsync())
        {
            // One upsert cannot touch a row twice, so a task finishing twice in a batch keeps its last record.
            while (batch.Count < MaxBatch && _channel.Reader.TryRead(out var completion))
            {
                batch[completion.Info.TaskId] = completion;
            }

            await WriteWhileDatabaseRecoversAsync(batch.Values);
            batch.Clear();
        }
    }

    // While the database is down the batch waits (later completions queue behind it) and is written when it is
    // back: a task that succeeded just before an outage must not stay "Running" in its record. At shutdown one
    // more try, then the records are given up and logged.
    private async Task WriteWhileDatabaseRecoversAsync(ICollection<TaskCompletion> completions)
    {
        for (var failures = 0; ; failures++)
        {
            try
            {
                await WriteAsync(completions);
                return;
            }
#pragma warning disable CA1031 // A lost status record must not stop the consumer; the task itself succeeded.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (_closing.IsCancellationRequested || DependencyFailures.DependencyOf(ex, out _) != DependencyFailures.PostgreSql)
                {
                    Log.TaskRecordsFailed(logger, ex, completions.Count);
                    return;
                }

                if (failures == 0)
                {
                    Log.TaskRecordsWaiting(logger, ex, completions.Count);
                }
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(15, 1 << Math.Min(failures, 4))), _closing.Token);
            }
            catch (OperationCanceledException)
            {
                // Closing: one last try above.
            }
        }
    }

    private async Task WriteAsync(ICollection<TaskCompletion> completions)
    {
        var rows = completions.ToArray();
        await using var batch = dataSource.CreateBatch();
        var upsert = new NpgsqlBatchCommand(
            """
            INSERT INTO taskmanager.tasks AS t (task_id, worker, task_type, group_id, message_id, state, attempts,
                chunks_done, items_done, items_rejected, created_at, updated_at, finished_at, duration_ms)
            SELECT id, worker, type, grp, msg, 'Succeeded', attempt, 0, 0, 0, finished, finished, finished, duration
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::timestamptz[], $8::float8[])
                AS r(id, worker, type, grp, msg, attempt, finished, duration)
            ON CONFLICT (task_id) DO UPDATE SET
                state = 'Succeeded', attempts = GREATEST(t.attempts, EXCLUDED.attempts), message_id = EXCLUDED.message_id,
                updated_at = EXCLUDED.updated_at, finished_at = EXCLUDED.finished_at, duration_ms = EXCLUDED.duration_ms
            """);
        upsert.Parameters.Add(Array(rows.Select(r => r.Info.TaskId)));
        upsert.Parameters.Add(Array(rows.Select(r => r.Info.Worker)));
        upsert.Parameters.Add(Array(rows.Select(r => r.Info.TaskType)));
        upsert.Parameters.Add(Array(rows.Select(r => r.Info.GroupId)));
        upsert.Parameters.Add(Array(rows.Select(r => r.Info.MessageId)));
        upsert.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. rows.Select(r => r.Info.Attempt)] });
        upsert.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. rows.Select(r => r.FinishedAt)] });
        upsert.Parameters.Add(new NpgsqlParameter<double[]> { TypedValue = [.. rows.Select(r => r.DurationMs)] });
        batch.BatchCommands.Add(upsert);

        // One notification for the batch, not one per task: followers re-read their task on it.
        var notify = new NpgsqlBatchCommand("SELECT pg_notify($1, $2)");
        notify.Parameters.Add(new NpgsqlParameter<string> { TypedValue = TaskNotifications.Channel });
        notify.Parameters.Add(new NpgsqlParameter<string> { TypedValue = rows.Length == 1 ? rows[0].Info.TaskId : TaskNotifications.SeveralTasks });
        batch.BatchCommands.Add(notify);
        await batch.ExecuteNonQueryAsync();
    }

    private static NpgsqlParameter Array(IEnumerable<string?> values) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
}
