namespace Workers.TaskManager.Consuming;

// Caps the messages this process holds. A poller reserves slots before it receives (so it never takes messages
// it cannot start soon) and gives back what the receive did not fill; a slot returns when its message is settled.
internal sealed class InFlightLimiter(int capacity) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(capacity, capacity);

    public int Capacity { get; } = capacity;

    public int Available => _slots.CurrentCount;

    // Waits for at least one slot, then takes up to `max` without waiting. Returns 0 on timeout.
    public async Task<int> ReserveAsync(int max, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(timeout, cancellationToken))
        {
            return 0;
        }

        var reserved = 1;
        while (reserved < max && _slots.Wait(0, CancellationToken.None))
        {
            reserved++;
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
}
