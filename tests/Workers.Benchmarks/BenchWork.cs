using System.Diagnostics;

namespace Workers.Benchmarks;

// What the benchmark handler does and how far it got: optional simulated I/O, a count of handled messages that
// completes a task at the target, and the timestamp each message reached its handler.
internal sealed class BenchWork(TimeSpan simulatedIo, int target)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _handled;

    public Task Done => _done.Task;

    public Action<long>? OnHandled { get; init; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        OnHandled?.Invoke(Stopwatch.GetTimestamp());
        if (simulatedIo > TimeSpan.Zero)
        {
            await Task.Delay(simulatedIo, cancellationToken);
        }

        if (Interlocked.Increment(ref _handled) == target)
        {
            _done.SetResult();
        }
    }
}
