using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using Workers.TaskManager.Persistence.Tables;
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
        _channel.Writer.TryComplete();
        if (_loop is not null)
        {
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

            try
            {
                await WriteAsync(batch.Values);
            }
#pragma warning disable CA1031 // A lost status record must not stop the consumer; the task itself succeeded.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.TaskRecordsFailed(logger, ex, batch.Count);
            }

            batch.Clear();
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
