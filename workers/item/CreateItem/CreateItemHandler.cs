using Microsoft.Extensions.Logging;
using Workers.Domain;
using Workers.TaskManager;

namespace Workers.Item.CreateItem;

// createItem: creates catalogue items and their products in chunks (one transaction each, resumed after a crash).
// An item whose code exists is skipped and reported; one that cannot be created (unknown category or store, a
// condition its category lacks, a SKU taken) is rejected with the reason; the rest of the chunk applies. Initial
// stock goes to the product worker as updateStock tasks committed with the chunk.
internal sealed class CreateItemHandler(PosDbContext db, TimeProvider time, ILogger<CreateItemHandler> logger)
    : ITaskHandler<CreateItemBody>
{
    public async Task HandleAsync(TaskContext<CreateItemBody> task, CancellationToken cancellationToken)
    {
        var chunk = new CreateItemChunk(db, time, task.Info);
        var result = await task.ProcessItemsAsync(task.Body.Items, chunk.ApplyAsync, cancellationToken);
        Log.ItemsCreated(logger, result.Items, result.ItemsRejected, result.ChunksSkipped);
    }
}
