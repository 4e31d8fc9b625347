using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Workers.Domain;
using Workers.Domain.EcOrders;
using Workers.TaskManager;
using Workers.TaskManager.Outbox;
using Workers.TaskManager.Publishing;

namespace Workers.ExternalEc.ImportOrder;

// An unpaid order's payment deadline is a paymentTimeout task for the ec-order worker, written to the outbox with
// the deadline as its due time (days ahead: SQS could not hold it) and an id derived from the order, so paying
// the order can take it back out before it is published.
internal static class PaymentDeadlines
{
    public const string Worker = "ec-order";

    public const string TaskType = "paymentTimeout";

    // A platform name and an order id may together exceed SQS's 128 characters for a task id: the pair is hashed.
    public static string TaskId(string platform, string orderId) =>
        "payment-timeout-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{platform}\n{orderId}")))[..32];

    // Inside the import step: the task commits with the order, grouped by store like the store's other EC tasks.
    public static void Schedule<T>(TaskContext<T> task, string storeCode, string orderId, DateTimeOffset deadline)
        where T : class =>
        task.Enqueue(
            Worker,
            TaskMessage.Create(TaskType, new PaymentTimeoutBody(storeCode, OrderImport.Platform, orderId), storeCode, TaskId(OrderImport.Platform, orderId)),
            deadline);

    // Inside a step: an Unpaid order becomes Paid (its deadline cleared) and its pending paymentTimeout is taken out
    // of the outbox in the same transaction. When the task was already published, the ec-order worker finds the
    // order Paid and leaves it alone. Returns what happened, for the log.
    public static async Task<string> MarkPaidAsync(PosDbContext db, string orderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Locked, as ec-order's paymentTimeout locks it: a deadline passing at this moment either cancels the order
        // before this reads it (and this reports the refund), or waits for this commit and finds it paid. Read
        // without the lock, the order would be set Paid over a cancellation whose stock was already restored.
        var order = (await db.EcOrders
            .FromSql($"SELECT * FROM pos.ec_orders WHERE platform = {OrderImport.Platform} AND external_order_id = {orderId} FOR UPDATE")
            .ToListAsync(cancellationToken)).Single();
        if (order.Status != EcOrderStatus.Unpaid)
        {
            return order.Status == EcOrderStatus.Cancelled
                ? "it was already cancelled for its payment deadline: the payment must be refunded by hand"
                : $"it is already {order.Status}: nothing to do";
        }

        order.Status = EcOrderStatus.Paid;
        order.PaidAt = now;
        order.PaymentDeadline = null;
        await db.SaveChangesAsync(cancellationToken);
        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        var cancelled = await TaskOutbox.CancelAsync(transaction.Connection!, transaction, TaskId(OrderImport.Platform, orderId), cancellationToken);
        return cancelled ? "marked paid; its payment deadline is cancelled" : "marked paid; its payment deadline was already published (ec-order will find it paid)";
    }
}

// The ec-order worker's paymentTimeout body: {"storeCode":"S001","platform":"ochanoko","orderId":"10001"}.
internal sealed record PaymentTimeoutBody(string StoreCode, string Platform, string OrderId);
