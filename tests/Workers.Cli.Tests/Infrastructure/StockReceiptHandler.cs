using Workers.TaskManager;

namespace Workers.Cli.Tests.Infrastructure;

// stockProduct for the in-process test worker: declared by the fleet, never sent by these tests; one that
// arrives anyway is dead-lettered with the reason rather than silently applied.
internal sealed class StockReceiptHandler : ITaskHandler<StockReceipt>
{
    public Task HandleAsync(TaskContext<StockReceipt> task, CancellationToken cancellationToken) =>
        throw new PermanentTaskException("The CLI tests' worker does not receive stock.");
}
