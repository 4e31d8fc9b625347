using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workers.Domain;
using Workers.Domain.Ledger;
using Workers.TaskManager;

namespace Workers.Product.StockProduct;

// stockProduct: receives stock from suppliers into one store, in chunks (one transaction each, resumed after a
// crash, never applied twice: the chunk ledger). Each supplier gets one receipt for the task, with its lines
// and totals; stock goes up through the stock ledger. Lines naming an unknown SKU or supplier, or a quantity
// that is not positive, are rejected and reported; the rest still applies.
internal sealed class StockProductHandler(PosDbContext db, StockLedger ledger, TimeProvider time, ILogger<StockProductHandler> logger)
    : ITaskHandler<StockProductBody>
{
    public async Task HandleAsync(TaskContext<StockProductBody> task, CancellationToken cancellationToken)
    {
        var code = task.Body.StoreCode;
        var storeId = await db.Stores.AsNoTracking()
            .Where(s => s.Code == code)
            .Select(s => (int?)s.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (storeId is null)
        {
            // Every line would be rejected, and sending the task again will not create the store.
            task.Reject($"Store '{code}' does not exist; none of the {task.Body.Lines.Count} line(s) can be received.");
        }

        var receipt = new ReceiptChunk(db, ledger, time, storeId.Value, task.Body, task.Info);
        var result = await task.ProcessItemsAsync(task.Body.Lines, receipt.ApplyAsync, cancellationToken);
        Log.StockReceived(logger, code, result.Items, result.ItemsRejected, result.ChunksSkipped);
    }
}
