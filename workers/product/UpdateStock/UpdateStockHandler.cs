using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workers.Domain;
using Workers.Domain.Ledger;
using Workers.TaskManager;

namespace Workers.Product.UpdateStock;

// updateStock: applies a store's stock deltas in chunks (one transaction each, resumed after a crash). An item
// that would take stock below zero, or names an unknown SKU, is rejected and reported; the rest still applies.
internal sealed class UpdateStockHandler(PosDbContext db, StockLedger ledger, ILogger<UpdateStockHandler> logger)
    : ITaskHandler<UpdateStockBody>
{
    public async Task HandleAsync(TaskContext<UpdateStockBody> task, CancellationToken cancellationToken)
    {
        var code = task.Body.StoreCode;
        var storeId = await db.Stores.AsNoTracking()
            .Where(s => s.Code == code)
            .Select(s => (int?)s.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (storeId is null)
        {
            // Every item would be rejected, and sending the task again will not create the store.
            task.Reject($"Store '{code}' does not exist; none of the {task.Body.Items.Count} item(s) can be applied.");
        }

        var deltas = new StockDeltaChunk(db, ledger, storeId.Value, code, task.Info);
        var result = await task.ProcessItemsAsync(task.Body.Items, deltas.ApplyAsync, cancellationToken);
        Log.StockUpdated(logger, code, result.Items, result.ItemsRejected, result.ChunksSkipped);
    }
}
