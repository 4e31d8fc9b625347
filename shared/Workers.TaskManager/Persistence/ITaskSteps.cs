using Workers.Fleet;
using Workers.TaskManager.Publishing;

namespace Workers.TaskManager.Persistence;

// Runs a task's ledgered steps (chunks, transactions) against the worker's database.
internal interface ITaskSteps
{
    Task<ItemsResult> ProcessItemsAsync<TItem>(
        TaskInfo info,
        FleetTaskType settings,
        IAsyncEnumerable<TItem> items,
        long? expectedItems,
        ChunkProcessor<TItem> processor,
        string name,
        CancellationToken cancellationToken);

    Task<bool> TransactionAsync(TaskInfo info, string step, Func<CancellationToken, Task> work, CancellationToken cancellationToken);

    // Adds a follow-up to the outbox rows of the step running now; throws outside a step.
    string Enqueue(string worker, TaskMessage message, DateTimeOffset? dueAt);
}
