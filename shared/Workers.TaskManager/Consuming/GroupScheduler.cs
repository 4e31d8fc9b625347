using Microsoft.Extensions.Logging;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Consuming;

// Runs messages of one FIFO message group strictly one after another and different groups in parallel. SQS
// already locks a group while one of its messages is in flight, but one receive can return several messages
// of a group (AWS does), and those must run in order here. When one fails while later ones of its group are
// held here, it is retried in place after its backoff (the heartbeat keeps them all invisible): handing them
// back to SQS would spend one of each follower's receives per failure, and a head that fails three times would
// push its followers to the dead-letter queue unrun. When the failed message is handed back to SQS instead
// (TaskOutcome.Failed), the rest of its group goes back behind it, so nothing overtakes it. On a standard queue
// every message is its own group. A message that met a dependency outage is held in its place the same way
// (TaskOutcome.WaitingForDependency), so its group keeps its order and nothing spends a receive. After BeginDrain
// no new message starts: waiting ones go back to the queue.
internal sealed class GroupScheduler(bool fifo, IMessageHandling handling, TimeProvider time, ILogger logger) : IDisposable
{
    private readonly CancellationTokenSource _drain = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<ReceivedMessage>> _groups = new(StringComparer.Ordinal);
    private TaskCompletionSource? _idle;
    private CancellationToken _shutdown;
    private int _running;
    private long _sequence;
    private bool _draining;

    public int Running => Volatile.Read(ref _running);

    public void Start(CancellationToken shutdown) => _shutdown = shutdown;

    public void Schedule(ReceivedMessage message)
    {
        var key = fifo ? message.GroupId ?? "" : message.MessageId;
        lock (_gate)
        {
            message.Sequence = ++_sequence;
            if (!_draining)
            {
                if (_groups.TryGetValue(key, out var waiting))
                {
                    waiting.Enqueue(message);
                    return;
                }

                var queue = new Queue<ReceivedMessage>();
                queue.Enqueue(message);
                _groups.Add(key, queue);
                _running++;
                _ = Task.Run(() => RunGroupAsync(key, queue));
                return;
            }
        }

        handling.Release(message);
    }

    // Ends every wait to retry in place: on stopping, those messages (and their groups) go back to the queue
    // rather than hold up the shutdown for a backoff.
    public void StopRetryingInPlace() => _drain.Cancel();

    public void Dispose() => _drain.Dispose();

    // Stops starting messages; returns how many waiting ones went back to the queue.
    public int BeginDrain()
    {
        List<ReceivedMessage> waiting;
        _drain.Cancel();
        lock (_gate)
        {
            _draining = true;
            waiting = [.. _groups.Values.SelectMany(q => q)];
            foreach (var queue in _groups.Values)
            {
                queue.Clear();
            }

        }

        foreach (var message in waiting)
        {
            handling.Release(message);
        }

        return waiting.Count;
    }

    // Completes when no message is being handled or waiting.
    public Task WhenIdle()
    {
        lock (_gate)
        {
            if (_running == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

    private async Task RunGroupAsync(string key, Queue<ReceivedMessage> queue)
    {
        while (true)
        {
            ReceivedMessage message;
            bool followersHeld;
            long horizon;
            lock (_gate)
            {
                if (queue.Count == 0)
                {
                    _groups.Remove(key);
                    if (--_running == 0 && _idle is { } idle)
                    {
                        _idle = null;
                        idle.SetResult();
                    }

                    return;
                }

                message = queue.Dequeue();
                followersHeld = fifo && queue.Count > 0;
                horizon = _sequence;
            }

            var outcome = await handling.ProcessAsync(message, followersHeld, _shutdown);
            while (outcome is TaskOutcome.RetryInPlace or TaskOutcome.WaitingForDependency)
            {
                if (outcome is TaskOutcome.WaitingForDependency)
                {
                    // Not an attempt: the dependency failed, not the task.
                    if (await handling.AwaitDependencyAsync(message, fifo && FollowersHeld(queue), _drain.Token) is { } settled)
                    {
                        outcome = settled;
                        continue;
                    }
                }
                else if (!await WaitAsync(message.RetryDelay))
                {
                    // Draining: the failed message goes back, and its group behind it.
                    handling.Release(message);
                    outcome = TaskOutcome.Released;
                    break;
                }
                else
                {
                    message.RetriedInPlace();
                }

                outcome = await handling.ProcessAsync(message, fifo && FollowersHeld(queue), _shutdown);
            }

            if (outcome is TaskOutcome.Failed or TaskOutcome.Released)
            {
                HoldBack(key, queue, horizon);
            }
        }
    }

    private bool FollowersHeld(Queue<ReceivedMessage> queue)
    {
        lock (_gate)
        {
            return queue.Count > 0;
        }
    }

    // False when stopping began during the wait.
    private async Task<bool> WaitAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, time, _drain.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // Sends back the messages that were waiting behind the failed one when it started (up to `horizon`). One
    // taken in later is a new delivery (the failed message itself, received again once handed back, and what
    // SQS returned with it), already in SQS's order: it stays and runs, and sending it back would spend a receive.
    private void HoldBack(string key, Queue<ReceivedMessage> queue, long horizon)
    {
        List<ReceivedMessage> later = [];
        lock (_gate)
        {
            while (queue.TryPeek(out var next) && next.Sequence <= horizon)
            {
                later.Add(queue.Dequeue());
            }
        }

        if (later.Count == 0)
        {
            return;
        }

        foreach (var message in later)
        {
            handling.Release(message);
        }

        Log.HeldBack(logger, later.Count, key);
    }
}
