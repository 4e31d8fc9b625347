using System.Diagnostics;

namespace Workers.Benchmarks;

// Times a drain of a known number of messages two ways. Whole: from the start to the last message, which for the
// TaskManager includes starting a new host (its DI container, a new SQS client and its first connections).
// Steady: between the moments 10 % and 90 % of the messages were done, which leaves out start-up and the tail on
// both sides alike, so it compares the consumers rather than their set-up.
internal sealed class DrainClock(int target)
{
    private long _started = Stopwatch.GetTimestamp();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _low = target / 10;
    private readonly int _high = target - (target / 10);
    private int _count;
    private long _lowAt;
    private long _highAt;
    private long _doneAt;

    public Task Done => _done.Task;

    // Restarts the whole-drain time, for a clock made before the consumer it times was set up.
    public void Restart() => _started = Stopwatch.GetTimestamp();

    public bool Finished => Volatile.Read(ref _count) >= target;

    public void Add(int messages)
    {
        var before = Interlocked.Add(ref _count, messages) - messages;
        var after = before + messages;
        var now = Stopwatch.GetTimestamp();
        if (before < _low && after >= _low)
        {
            _lowAt = now;
        }

        if (before < _high && after >= _high)
        {
            _highAt = now;
        }

        if (before < target && after >= target)
        {
            _doneAt = now;
            _done.TrySetResult();
        }
    }

    public DrainRate Rate() => new(
        target / Stopwatch.GetElapsedTime(_started, _doneAt).TotalSeconds,
        (_high - _low) / Stopwatch.GetElapsedTime(_lowAt, _highAt).TotalSeconds);
}

// Messages per second over the whole drain and over its steady middle (see DrainClock).
internal readonly record struct DrainRate(double Whole, double Steady);
