using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workers.Domain;
using Workers.ExternalEc.Ochanoko;
using Workers.TaskManager;

namespace Workers.ExternalEc.ImportOrder;

// importOchanokoOrder: fetches the order from the store's Ochanoko shop and imports it once (unique platform +
// order id, checked again under a lock inside the step), taking its stock through the ledger in the same
// transaction. An order that cannot be fulfilled is not created; its customer and shop get a notice instead.
// "paid" marks an unpaid order paid and takes its payment deadline back out of the outbox; "shipped" completes the
// order. Either imports it first if this is the first event seen.
internal sealed class ImportOchanokoOrderHandler(PosDbContext db, OchanokoClient client, OrderImport import, TimeProvider time, ILogger<ImportOchanokoOrderHandler> logger)
    : ITaskHandler<ImportOchanokoOrderBody>
{
    // Kept free at the end of the task's timeout for the step's commit after the last HTTP wait.
    private static readonly TimeSpan CommitMargin = TimeSpan.FromSeconds(5);

    public async Task HandleAsync(TaskContext<ImportOchanokoOrderBody> task, CancellationToken cancellationToken)
    {
        var body = task.Body;
        var deadline = time.GetUtcNow() + task.Settings.Timeout - CommitMargin;
        var storeId = await db.Stores.Where(s => s.Code == body.StoreCode).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new PermanentTaskException($"unknown store '{body.StoreCode}'");

        if (await db.EcOrders.AnyAsync(o => o.Platform == OrderImport.Platform && o.ExternalOrderId == body.OrderId, cancellationToken))
        {
            var action = "nothing to do";
            if (body.Shipped || body.Paid)
            {
                var applied = await task.TransactionAsync(async ct => action = await import.ApplyEventAsync(body, ct), cancellationToken, body.Shipped ? "complete" : "paid");
                action = applied ? action : "an earlier delivery of this task applied its " + body.Event + " event";
            }

            Log.OrderAlreadyImported(logger, body.OrderId, body.StoreCode, action);
            return;
        }

        var order = await client.GetOrderAsync(body.StoreCode, body.OrderId, deadline, cancellationToken)
            ?? throw new PermanentTaskException($"store {body.StoreCode}'s Ochanoko shop has no order '{body.OrderId}' (404)");
        if (order.Cancelled)
        {
            Log.OrderCancelled(logger, body.OrderId, body.StoreCode);
            return;
        }

        string? problem = null;
        var ran = await task.TransactionAsync(
            async ct => problem = await import.ImportAsync(task, storeId, body.StoreCode, order, body, ct),
            cancellationToken,
            "import");
        if (!ran)
        {
            Log.OrderAlreadyImported(logger, body.OrderId, body.StoreCode, "an earlier delivery of this task committed its import step");
        }
        else if (problem is null)
        {
            Log.OrderImported(logger, body.OrderId, body.StoreCode, OchanokoOrderLine.From(order).Count, body.Shipped ? "completed" : body.Paid ? "paid" : "imported");
        }
        else
        {
            Log.OrderNotImported(logger, body.OrderId, body.StoreCode, problem, import.NoticeCount);
        }
    }
}
