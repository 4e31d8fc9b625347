using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workers.Domain;
using Workers.Domain.EcOrders;
using Workers.Domain.Ledger;
using Workers.TaskManager;

namespace Workers.EcOrder.PaymentTimeout;

// paymentTimeout: in one step transaction, with the order row locked (a "paid" event importing at the same moment
// waits, and then finds it cancelled), an order still Unpaid whose deadline has passed becomes Cancelled, each
// line's stock is restored through the ledger (one reversal movement per line), and its platform cancellation and
// the customer's notice go to the outbox. A paid, completed, cancelled or unknown order, or one whose deadline was
// extended, is left alone and the reason logged. A redelivery finds the step committed and does nothing.
internal sealed class PaymentTimeoutHandler(PosDbContext db, StockLedger ledger, TimeProvider time, ILogger<PaymentTimeoutHandler> logger)
    : ITaskHandler<PaymentTimeoutBody>
{
    // Set by the step, logged once it has committed (a scope, and so a handler, per message).
    private Action? _logCancelled;

    public async Task HandleAsync(TaskContext<PaymentTimeoutBody> task, CancellationToken cancellationToken)
    {
        var body = task.Body;
        string? leftAlone = null;
        var ran = await task.TransactionAsync(async ct => leftAlone = await CancelIfDueAsync(task, ct), cancellationToken, "timeout");
        if (!ran)
        {
            Log.OrderLeftAlone(logger, body.Platform, body.OrderId, body.StoreCode, "an earlier delivery of this task handled it");
        }
        else if (leftAlone is not null)
        {
            Log.OrderLeftAlone(logger, body.Platform, body.OrderId, body.StoreCode, leftAlone);
        }
        else
        {
            _logCancelled?.Invoke();
        }
    }

    // Null when cancelled; otherwise why the order was left alone.
    private async Task<string?> CancelIfDueAsync(TaskContext<PaymentTimeoutBody> task, CancellationToken cancellationToken)
    {
        var body = task.Body;
        var order = (await db.EcOrders
            .FromSql($"SELECT * FROM pos.ec_orders WHERE platform = {body.Platform} AND external_order_id = {body.OrderId} FOR UPDATE")
            .ToListAsync(cancellationToken)).SingleOrDefault();
        if (order is null)
        {
            return "no such order";
        }

        if (order.Status != EcOrderStatus.Unpaid || order.PaymentDeadline is not { } deadline)
        {
            return $"it is {order.Status}";
        }

        // The database's clock, the one the outbox published this task by: a worker host whose clock is a little
        // behind must not take the deadline for still ahead and leave the order unpaid for good.
        var now = await db.Database.SqlQuery<DateTimeOffset>($"SELECT clock_timestamp() AS \"Value\"").SingleAsync(cancellationToken);
        if (deadline > now)
        {
            return $"its payment deadline {deadline:O} is still ahead (it was extended)";
        }

        order.Status = EcOrderStatus.Cancelled;
        order.CancelledAt = time.GetUtcNow();
        var lines = await db.EcOrderLines.Where(l => l.OrderId == order.Id).OrderBy(l => l.LineNumber).ToListAsync(cancellationToken);
        var reference = $"{order.Platform}:{order.ExternalOrderId}";
        var outcomes = await ledger.ApplyAsync(
            [.. lines.Select(l => StockChange.Add(order.StoreId, l.ProductId, l.Quantity, StockReasons.Reversal, reference))],
            StockCause.From(task.Info),
            cancellationToken);
        foreach (var (line, outcome) in lines.Zip(outcomes).Where(p => !p.Second.Applied))
        {
            // Only a level at int.MaxValue refuses an addition; the order is cancelled regardless.
            Log.StockNotRestored(logger, order.Platform, order.ExternalOrderId, line.ProductId, outcome.RejectionReason);
        }

        await db.SaveChangesAsync(cancellationToken);
        var storeCode = await db.Stores.Where(s => s.Id == order.StoreId).Select(s => s.Code).SingleAsync(cancellationToken);
        FollowUps.CancelOnPlatform(task, storeCode);
        var notices = FollowUps.NotifyCustomer(task, storeCode, order.CustomerEmail, deadline);
        _logCancelled = () => Log.OrderCancelled(logger, order.Platform, order.ExternalOrderId, storeCode, deadline, lines.Count, notices);
        return null;
    }
}
