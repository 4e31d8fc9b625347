using System.Collections.Concurrent;

namespace Workers.TaskManager.Tests.Infrastructure;

// What the test handler does, set by each test, and what it saw.
public sealed class Script
{
    public Func<TaskContext<Echo>, CancellationToken, Task> Behavior { get; set; } = (_, _) => Task.CompletedTask;

    public ConcurrentQueue<(TaskInfo Info, Echo Body)> Calls { get; } = new();

    public async Task RunAsync(TaskContext<Echo> task, CancellationToken cancellationToken)
    {
        Calls.Enqueue((task.Info, task.Body));
        await Behavior(task, cancellationToken);
    }
}
