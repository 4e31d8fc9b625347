using System.Collections.Concurrent;
using System.Diagnostics;
using Workers.TaskManager;

namespace Workers.Benchmarks;

// When each follow-up (BenchBody.N) reached its handler, and a signal when all expected ones have.
internal sealed class OutboxSink(int expected)
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _handled;

    public ConcurrentDictionary<int, long> HandledAt { get; } = new();

    public Task All => _all.Task;

    // Released once per handled follow-up: the light-load loop waits on it before its next commit.
    public SemaphoreSlim Each { get; } = new(0);

    public void Handled(int n)
    {
        if (!HandledAt.TryAdd(n, Stopwatch.GetTimestamp()))
        {
            return;
        }

        Each.Release();
        if (Interlocked.Increment(ref _handled) == expected)
        {
            _all.SetResult();
        }
    }
}

internal sealed class OutboxSinkHandler(OutboxSink sink) : ITaskHandler<BenchBody>
{
    public Task HandleAsync(TaskContext<BenchBody> task, CancellationToken cancellationToken)
    {
        sink.Handled(task.Body.N);
        return Task.CompletedTask;
    }
}
