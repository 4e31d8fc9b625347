using System.Diagnostics;

namespace Workers.TaskManager.Consuming;

// Caps the messages this process holds. A poller reserves slots before it receives (so it never takes messages
// it cannot start soon) and gives back what the receive did not fill; a slot returns when its message is settled.
internal sealed class InFlightLimiter(int capacity) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(capacity, capacity);

    public int Capacity { get; } = capacity;

    public int Available => _slots.CurrentCount;

    // Waits for at least one slot, takes up to `max` without waiting, and then waits up to `fill` for the rest.
    // Returns 0 on timeout. Slots come back one message at a time as SQS answers each delete, so under load a
    // poller woken by the first would otherwise receive one or two messages per call: many small receives cost
    // the queue (and on AWS, the bill) far more than a short wait for a whole batch.
    public async Task<int> ReserveAsync(int max, TimeSpan timeout, TimeSpan fill, CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(timeout, cancellationToken))
        {
            return 0;
        }

        var reserved = 1 + TakeAvailable(max - 1);
        var started = Stopwatch.GetTimestamp();
        while (reserved < max)
        {
            var left = fill - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            try
            {
                if (!await _slots.WaitAsync(left, cancellationToken))
                {
                    break;
                }
            }
            catch (OperationCanceledException)
            {
                Release(reserved);
                throw;
            }

            reserved += 1 + TakeAvailable(max - reserved - 1);
        }

        return reserved;
    }

    public void Release(int count)
    {
        if (count > 0)
        {
            _slots.Release(count);
        }
    }

    public void Dispose() => _slots.Dispose();

    private int TakeAvailable(int max)
    {
        var taken = 0;
        while (taken < max && _slots.Wait(0, CancellationToken.None))
        {
            taken++;
        }

        return taken;
    }
}
