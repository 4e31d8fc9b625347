using System.Collections.Concurrent;

namespace Workers.TaskManager.Tests.Infrastructure;

// What the test handler does, set by each test, and what it saw.
public sealed class Script
{
    public Func<TaskContext<Echo>, CancellationToken, Task> Behavior { get; set; } = (_, _) => Task.CompletedTask;

    // For behaviours that need the message's DI scope (its DbContext, say); used instead of Behavior when set.
    public Func<TaskContext<Echo>, IServiceProvider, CancellationToken, Task>? ScopedBehavior { get; set; }

    public ConcurrentQueue<(TaskInfo Info, Echo Body)> Calls { get; } = new();

    public async Task RunAsync(TaskContext<Echo> task, IServiceProvider services, CancellationToken cancellationToken)
    {
        Calls.Enqueue((task.Info, task.Body));
        await (ScopedBehavior is { } scoped ? scoped(task, services, cancellationToken) : Behavior(task, cancellationToken));
    }
}
