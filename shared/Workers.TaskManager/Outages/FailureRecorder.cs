using Microsoft.Extensions.Logging;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Outages;

// Writes failure records (taskmanager.task_errors and the task's row). While the database is down they wait
// here, in order, and are written when it is back (the outage monitor flushes them before any held message
// resumes, so a late record never overwrites a later success). Past MaxPending the oldest are logged in full
// and dropped: memory stays bounded through a long outage, and the log still has them.
internal sealed class FailureRecorder(TaskStore store, OutageMonitor outages, int maxPending, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly Queue<TaskFailure> _pending = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);

    public int Pending
    {
        get { lock (_gate) { return _pending.Count; } }
    }

    public async Task RecordAsync(TaskFailure failure)
    {
        lock (_gate)
        {
            // Behind records still waiting, so the records of one task keep their order.
            if (_pending.Count > 0)
            {
                Defer(failure);
                return;
            }
        }

        try
        {
            await store.RecordFailureAsync(failure, CancellationToken.None);
        }
#pragma warning disable CA1031 // A record that cannot be written must not stop the message from being retried or dead-lettered.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (DependencyFailures.DependencyOf(ex, out _) != DependencyFailures.PostgreSql)
            {
                Log.RecordFailureFailed(logger, ex, failure.MessageId);
                return;
            }

            lock (_gate)
            {
                Defer(failure);
            }

            outages.Unavailable(DependencyFailures.PostgreSql, ex, retryAfter: null);
        }
    }

    // Writes what waited, oldest first; throws (keeping the rest) if the database fails again. A record the
    // database refuses for another reason is logged and dropped, so one bad record never keeps a circuit open.
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var written = 0;
            while (true)
            {
                TaskFailure? next;
                lock (_gate)
                {
                    if (!_pending.TryPeek(out next))
                    {
                        break;
                    }
                }

                try
                {
                    await store.RecordFailureAsync(next, cancellationToken);
                    written++;
                }
                catch (Exception ex) when (DependencyFailures.DependencyOf(ex, out _) is null && !cancellationToken.IsCancellationRequested)
                {
                    // This record cannot be written whatever we wait for: keep it in the log, not in the way.
                    Log.RecordFailureFailed(logger, ex, next.MessageId);
                    LogLost(next);
                }

                lock (_gate)
                {
                    _pending.Dequeue();
                }
            }

            if (written > 0)
            {
                Log.FailureRecordsWritten(logger, written);
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    // At shutdown: one last try, then whatever is left goes to the log, where an operator can still find it.
    public async Task CloseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await FlushAsync(timeout.Token);
        }
#pragma warning disable CA1031 // Still down: the records are logged below.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        lock (_gate)
        {
            while (_pending.TryDequeue(out var lost))
            {
                LogLost(lost);
            }
        }
    }

    private void Defer(TaskFailure failure)
    {
        _pending.Enqueue(failure);
        if (_pending.Count > maxPending && _pending.TryDequeue(out var oldest))
        {
            LogLost(oldest);
        }
    }

    private void LogLost(TaskFailure failure) =>
        Log.FailureRecordLost(logger, failure.TaskId, failure.TaskType, failure.MessageId, failure.Attempt, failure.Kind, failure.Exception.Message);
}
