using System.Diagnostics;

namespace Workers.Benchmarks;

// What the benchmark handler does and how far it got: optional simulated I/O, the drain clock that completes at
// the target, and the timestamp each message reached its handler.
internal sealed class BenchWork(TimeSpan simulatedIo, int target)
{
    public DrainClock Clock { get; } = new(target);

    public Task Done => Clock.Done;

    public Action<long>? OnHandled { get; init; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        OnHandled?.Invoke(Stopwatch.GetTimestamp());
        if (simulatedIo > TimeSpan.Zero)
        {
            await Task.Delay(simulatedIo, cancellationToken);
        }

        Clock.Add(1);
    }
}
