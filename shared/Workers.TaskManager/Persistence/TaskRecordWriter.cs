using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using Workers.TaskManager.Outages;
using Workers.TaskManager.Persistence.Tables;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Persistence;

// Records succeeded tasks in taskmanager.tasks off the hot path: completions gather for a moment (Linger) and
// queue up while one multi-row upsert is in flight, and the next carries all of them, so a worker finishing
// thousands of tasks a second makes a few statements a second. The record follows the delete; it is a status
// for operators, not the idempotency mechanism (that is the step ledger, written inside the effects' own
// transaction).
internal sealed class TaskRecordWriter(NpgsqlDataSource dataSource, ILogger<TaskRecordWriter> logger) : IAsyncDisposable
{
    private const int MaxBatch = 2000;
    private const int Capacity = 50_000;

    // How long the writer lets completions gather before a batch that is not yet full. Without it a busy worker
    // wrote a few rows per statement, and PostgreSQL spent ~70 µs of CPU per record on the 2-core benchmark
    // machine (it shares those cores with the worker); with it ~15 µs. A record is a status, so 20 ms is nothing.
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(20);

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
            if (_channel.Reader.Count < MaxBatch)
            {
                await Task.Delay(Linger);
            }

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
    private async Task WriteWhileDatabaseRecoversAsync(IReadOnlyCollection<TaskCompletion> completions)
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

    private async Task WriteAsync(IReadOnlyCollection<TaskCompletion> completions)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(TasksTable.RecordSuccesses(completions));

        // One notification for the batch, not one per task: followers re-read their task on it.
        batch.BatchCommands.Add(TasksTable.NotifyCommand(completions.Count == 1 ? completions.First().Info.TaskId : TaskNotifications.SeveralTasks));
        await batch.ExecuteNonQueryAsync();
    }
}
