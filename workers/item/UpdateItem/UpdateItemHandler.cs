using Microsoft.Extensions.Logging;
using Workers.Domain;
using Workers.TaskManager;

namespace Workers.Item.UpdateItem;

// updateItem: partial updates of catalogue items in chunks (one transaction each, resumed after a crash). Only
// the fields present change, so sending the same update again changes nothing; an unknown or deleted item is
// rejected with the reason, the rest of the chunk applies.
internal sealed class UpdateItemHandler(PosDbContext db, TimeProvider time, ILogger<UpdateItemHandler> logger)
    : ITaskHandler<UpdateItemBody>
{
    public async Task HandleAsync(TaskContext<UpdateItemBody> task, CancellationToken cancellationToken)
    {
        var chunk = new UpdateItemChunk(db, time);
        var result = await task.ProcessItemsAsync(task.Body.Items, chunk.ApplyAsync, cancellationToken);
        Log.ItemsUpdated(logger, result.Items, result.ItemsRejected, result.ChunksSkipped);
    }
}
