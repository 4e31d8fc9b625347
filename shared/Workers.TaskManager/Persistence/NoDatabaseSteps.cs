using Workers.Fleet;
using Workers.TaskManager.Publishing;

namespace Workers.TaskManager.Persistence;

// Used when the worker registered no DbContext: ledgered steps need one to commit with.
internal sealed class NoDatabaseSteps : ITaskSteps
{
    private const string Message =
        "ProcessItemsAsync, TransactionAsync and Enqueue need the worker's DbContext: call UseDatabase<TContext>() on the TaskManager builder.";

    public Task<ItemsResult> ProcessItemsAsync<TItem>(
        TaskInfo info,
        FleetTaskType settings,
        IAsyncEnumerable<TItem> items,
        long? expectedItems,
        ChunkProcessor<TItem> processor,
        string name,
        CancellationToken cancellationToken) => throw new InvalidOperationException(Message);

    public Task<bool> TransactionAsync(TaskInfo info, string step, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        throw new InvalidOperationException(Message);

    public string Enqueue(string worker, TaskMessage message, DateTimeOffset? dueAt) => throw new InvalidOperationException(Message);
}
