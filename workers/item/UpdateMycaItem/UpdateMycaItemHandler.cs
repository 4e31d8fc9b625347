using Microsoft.Extensions.Logging;
using Workers.Domain;
using Workers.TaskManager;

namespace Workers.Item.UpdateMycaItem;

// updateMycaItem: stores the market prices Myca pushes, in chunks (one transaction each, resumed after a crash).
// A price is applied only if Myca priced it after the stored one, so pushes may arrive in any order and any
// number of times; a Myca id no live item is linked to is rejected with the reason.
internal sealed class UpdateMycaItemHandler(PosDbContext db, TimeProvider time, ILogger<UpdateMycaItemHandler> logger)
    : ITaskHandler<UpdateMycaItemBody>
{
    public async Task HandleAsync(TaskContext<UpdateMycaItemBody> task, CancellationToken cancellationToken)
    {
        var chunk = new UpdateMycaItemChunk(db, time);
        var result = await task.ProcessItemsAsync(task.Body.Items, chunk.ApplyAsync, cancellationToken);
        Log.MycaPricesStored(logger, result.Items, chunk.Applied, result.ItemsRejected, result.ChunksSkipped);
    }
}
