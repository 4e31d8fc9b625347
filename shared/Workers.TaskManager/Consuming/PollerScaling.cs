namespace Workers.TaskManager.Consuming;

// How many of the consumer's pollers long-poll at once: between one and TaskManager:Pollers, following what the
// receives bring back. One poll waits on an idle queue: every extra waiting poll is a request for nothing (and
// fauxqs wakes every waiting poll for each message that arrives, so all but one come back empty). While receives
// come back full and the in-flight limit has room for another whole batch, one more poller joins. An empty
// receive means the queue is drained for now: back to one. A partial one drops a single poller, not all: on AWS
// a long poll may return fewer than asked while a backlog remains, and a busy worker must not fall to one poll
// for that. Spring Cloud AWS's AUTO back-pressure mode and Shoryuken's fetcher adapt the same way, each in its
// own terms. Once the queue turns out to be unusable (FatalReceiveErrors), every poller stops.
internal sealed class PollerScaling(int maxPollers, int batchSize, InFlightLimiter limiter) : IDisposable
{
    private readonly Lock _gate = new();

    // A whole batch can be no larger than the in-flight limit.
    private readonly int _batch = Math.Min(batchSize, limiter.Capacity);
    private readonly CancellationTokenSource _halted = new();
    private TaskCompletionSource _changed = NewSignal();
    private int _active = 1;
    private int _backlog;

    public int Active
    {
        get
        {
            lock (_gate)
            {
                return _active;
            }
        }
    }

    // The last receive came back full: there is a backlog, so a poller may wait a moment to fill a whole batch
    // rather than receive as few messages as there are free slots at that instant.
    public bool Backlog => Volatile.Read(ref _backlog) == 1;

    // The most messages one receive asks for.
    public int Batch => _batch;

    // Cancelled once a poller met a fatal receive error.
    public CancellationToken Halted => _halted.Token;

    // Completed when poller `index` may poll; otherwise completes when the number of active pollers changes.
    public Task TurnAsync(int index)
    {
        lock (_gate)
        {
            return index < _active ? Task.CompletedTask : _changed.Task;
        }
    }

    public void Received(int asked, int received)
    {
        var full = received >= asked;
        Volatile.Write(ref _backlog, full ? 1 : 0);
        lock (_gate)
        {
            var target = received == 0 ? 1
                : !full ? _active - 1
                : asked == _batch && limiter.Available >= _batch ? _active + 1
                : _active;
            target = Math.Clamp(target, 1, maxPollers);
            if (target == _active)
            {
                return;
            }

            _active = target;
            var changed = _changed;
            _changed = NewSignal();
            changed.SetResult();
        }
    }

    // True for the first poller to halt the others: it alone reports the error.
    public bool Halt()
    {
        lock (_gate)
        {
            if (_halted.IsCancellationRequested)
            {
                return false;
            }

            _halted.Cancel();
            return true;
        }
    }

    public void Dispose() => _halted.Dispose();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
