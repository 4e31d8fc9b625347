using Microsoft.Extensions.Logging;
using Workers.TaskManager.Health;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Consuming;

// Ends a message's stay in this process: deleted after success, or handed back to SQS with a visibility
// timeout (0 to release it now, a backoff after a failure). The in-flight slot is freed once SQS has answered.
internal sealed class Settler(
    DeleteSender deletes,
    VisibilitySender visibility,
    InFlightMessages inFlight,
    InFlightLimiter limiter,
    PollLoopHealth health,
    TaskManagerMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _allSettled;
    private int _pending;
    private long _released;
    private long _lastSettled;

    public void Delete(ReceivedMessage message) => Track(DeleteAsync(message));

    public long Released => Interlocked.Read(ref _released);

    // When SQS last answered a settlement (a timestamp of the consumer's TimeProvider).
    public long LastSettled => Interlocked.Read(ref _lastSettled);

    public bool Idle
    {
        get
        {
            lock (_gate)
            {
                return _pending == 0;
            }
        }
    }

    public void Release(ReceivedMessage message)
    {
        Interlocked.Increment(ref _released);
        Track(ChangeVisibilityAsync(message, TimeSpan.Zero));
    }

    public void Backoff(ReceivedMessage message, TimeSpan delay) => Track(ChangeVisibilityAsync(message, delay));

    // Completes when every settlement started so far has been answered by SQS. The consumer waits for this
    // before it closes the senders, so no delete or release is dropped at shutdown.
    public Task WhenAllSettledAsync()
    {
        lock (_gate)
        {
            if (_pending == 0)
            {
                return Task.CompletedTask;
            }

            _allSettled ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _allSettled.Task;
        }
    }

    private void Track(Task settlement)
    {
        lock (_gate)
        {
            _pending++;
        }

        settlement.ContinueWith(
            static (_, state) => ((Settler)state!).Untrack(),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Untrack()
    {
        lock (_gate)
        {
            if (--_pending == 0 && _allSettled is { } settled)
            {
                _allSettled = null;
                settled.SetResult();
            }
        }
    }

    private async Task DeleteAsync(ReceivedMessage message)
    {
        try
        {
            _ = message.BeginSettling(); // A delete wins over any extension still in flight.
            inFlight.Remove(message);
            var result = await deletes.SendAsync(message);
            if (!result.Succeeded)
            {
                metrics.SettleFailed("delete");
                Log.DeleteFailed(logger, message.MessageId, result.ErrorCode, result.ErrorMessage);
            }
        }
        finally
        {
            Finish(message);
        }
    }

    private async Task ChangeVisibilityAsync(ReceivedMessage message, TimeSpan timeout)
    {
        try
        {
            // An extension still in flight must land before this change, or it would undo a release.
            await message.BeginSettling();

            // Out of the registry before SQS hears of it: a released message can be received again at once, and
            // must then be taken as a new delivery, not as a duplicate of one we still hold.
            inFlight.Remove(message);
            var result = await visibility.SendAsync(new VisibilityChange(message, timeout));
            if (!result.Succeeded)
            {
                metrics.SettleFailed("change_visibility");
                Log.VisibilityChangeFailed(logger, message.MessageId, timeout, result.ErrorCode, result.ErrorMessage);
            }
        }
        finally
        {
            Finish(message);
        }
    }

    private void Finish(ReceivedMessage message)
    {
        inFlight.Remove(message);
        limiter.Release(1);
        Interlocked.Exchange(ref _lastSettled, time.GetTimestamp());
        health.Settled();
    }
}
