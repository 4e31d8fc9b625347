using Workers.TaskManager;

namespace Workers.Cli.Tests.Infrastructure;

// updateStock for the in-process test worker: chunked, rejecting negative quantities item by item.
internal sealed class StockUpdateHandler : ITaskHandler<StockUpdate>
{
    public async Task HandleAsync(TaskContext<StockUpdate> task, CancellationToken cancellationToken)
    {
        if (task.Body.Reject is { } reason)
        {
            task.Reject(reason);
        }

        if (task.Info.Attempt <= task.Body.FailAttempts)
        {
            throw new InvalidOperationException($"warehouse unavailable on attempt {task.Info.Attempt}");
        }

        await task.ProcessItemsAsync(task.Body.Items, StockRules.ApplyAsync, cancellationToken);
    }
}
