using System.Collections.Concurrent;

namespace Workers.Cli.Tests.Infrastructure;

// The outside system of the redrive tests: down (every updateStock fails, so its messages end in the
// dead-letter queue), or up and recording each task it applies, in order, with its group.
public sealed class Warehouse(bool down, int expected = 0)
{
    private readonly TaskCompletionSource _allApplied = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Down { get; } = down;

    public ConcurrentQueue<(string? Group, string TaskId)> Applied { get; } = new();

    // Completes once `expected` tasks were applied.
    public Task AllApplied => _allApplied.Task;

    public void Apply(string? group, string taskId)
    {
        Applied.Enqueue((group, taskId));
        if (Applied.Count >= expected)
        {
            _allApplied.TrySetResult();
        }
    }
}
