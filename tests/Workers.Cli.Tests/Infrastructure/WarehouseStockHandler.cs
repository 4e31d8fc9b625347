using Workers.TaskManager;

namespace Workers.Cli.Tests.Infrastructure;

// updateStock against the test's Warehouse: fails while it is down (the handler "before the fix"), records
// the task once it is up (the fixed handler).
internal sealed class WarehouseStockHandler(Warehouse warehouse) : ITaskHandler<StockUpdate>
{
    public Task HandleAsync(TaskContext<StockUpdate> task, CancellationToken cancellationToken)
    {
        if (warehouse.Down)
        {
            throw new InvalidOperationException("warehouse unavailable");
        }

        warehouse.Apply(task.Info.GroupId, task.Info.TaskId);
        return Task.CompletedTask;
    }
}
