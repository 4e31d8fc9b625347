using Microsoft.EntityFrameworkCore;
using Workers.Domain.EcOrders;
using Workers.Domain.Ledger;
using Workers.EcOrder.Tests.Infrastructure;
using Workers.ExternalEc.Tests.Infrastructure;
using Workers.TaskManager.Persistence;

namespace Workers.EcOrder.Tests;

// The payment deadline end to end, with both real workers: external-ec imports an unpaid order and writes its
// paymentTimeout to the outbox due at the deadline; ec-order cancels the order then, restores its stock and sends
// the platform's cancellation (back to external-ec, to the Ochanoko stand-in) and the customer's notice.
public sealed class PaymentTimeoutTests(ITestOutputHelper output) : EcOrderWorkersTest
{
    [Fact]
    public async Task Unpaid_order_is_cancelled_once_at_its_deadline_and_a_paid_one_is_left_alone()
    {
        await StartWorkersAsync();

        // Paid before its deadline: its timeout leaves the outbox with the paid event.
        var paidDeadline = DateTimeOffset.UtcNow.AddSeconds(8);
        await SeedOrderAsync("7002", paidDeadline);
        Assert.Equal(TaskState.Succeeded, (await WaitUntilFinishedAsync(await OrderEventAsync("7002"))).Task.State);
        var paidTimeout = await OutboxTaskAsync("paymentTimeout", "7002");
        Assert.Equal(TaskState.Succeeded, (await WaitUntilFinishedAsync(await OrderEventAsync("7002", "paid"))).Task.State);
        if (DateTimeOffset.UtcNow < paidDeadline.AddMilliseconds(-500))
        {
            Assert.DoesNotContain(await OutboxAsync(), o => o.TaskId == paidTimeout);
        }
        else
        {
            // A machine so loaded that the events took longer than the deadline: the timeout may have gone out before
            // the payment; then ec-order must find the order paid (asserted below). The external-ec tests cover the
            // cancelled row without a race.
            output.WriteLine("the paid event came within 0.5 s of the deadline: its outbox row was not checked");
        }

        // Unpaid, due after the paid one's deadline: its cancellation marks that deadline as passed too.
        var deadline = new[] { DateTimeOffset.UtcNow.AddSeconds(3), paidDeadline.AddMilliseconds(500) }.Max();
        await SeedOrderAsync("7001", deadline);
        await WaitUntilFinishedAsync(await OrderEventAsync("7001"));
        var timeout = await OutboxTaskAsync("paymentTimeout", "7001");
        Assert.Equal(TaskState.Succeeded, (await WaitUntilFinishedAsync(timeout)).Task.State);
        var cancel = await OutboxTaskAsync("cancelOchanokoOrder", "7001");
        Assert.Equal(TaskState.Succeeded, (await WaitUntilFinishedAsync(cancel)).Task.State);
        var notice = Assert.Single(await Notification.ReceiveAsync(Notification.QueueUrl, 1, Patience));
        Assert.Contains("buyer@example.com", notice.Body, StringComparison.Ordinal);

        // A redelivery of the same timeout, then (same FIFO group, so after it) timeouts of the paid and an unknown order.
        var body = new { storeCode = "S001", platform = "ochanoko", orderId = "7001" };
        await RedeliverAsync("paymentTimeout", body, timeout);
        var ofPaid = await PublishAsync("paymentTimeout", body with { orderId = "7002" });
        var ofUnknown = await PublishAsync("paymentTimeout", body with { orderId = "7999" });
        Assert.Equal(TaskState.Succeeded, (await WaitUntilFinishedAsync(ofPaid)).Task.State);
        Assert.Equal(TaskState.Succeeded, (await WaitUntilFinishedAsync(ofUnknown)).Task.State);

        await using var db = PosDb();
        var orders = await db.EcOrders.ToDictionaryAsync(o => o.ExternalOrderId, Cancellation);
        Assert.Equal((EcOrderStatus.Cancelled, EcOrderStatus.Paid), (orders["7001"].Status, orders["7002"].Status));
        Assert.True(orders["7001"].CancelledAt >= deadline, $"cancelled at {orders["7001"].CancelledAt:O}, before its deadline {deadline:O}");
        var published = Assert.Single(await OutboxAsync(), o => o.TaskId == timeout).SentAt!.Value;
        output.WriteLine($"published {(published - deadline).TotalMilliseconds:0} ms and cancelled {(orders["7001"].CancelledAt!.Value - deadline).TotalMilliseconds:0} ms after its deadline");
        // Order 7002 still holds its units; 7001's came back once, one reversal movement per line.
        Assert.Equal(Seed.Stock(1) - 1, await Seed.StockAsync(db, "S001", Seed.Sku(1), Cancellation));
        Assert.Equal(Seed.Stock(3) - 2, await Seed.StockAsync(db, "S001", Seed.Sku(3), Cancellation));
        var reversals = await db.StockMovements.Where(m => m.Reason == StockReasons.Reversal).ToListAsync(Cancellation);
        Assert.Equal([("ochanoko:7001", 1), ("ochanoko:7001", 2)], reversals.Select(m => (m.Reference, m.Delta)).Order());
        Assert.Equal(["7001"], await Ochanoko.CancellationsAsync(Cancellation));
        var outbox = await OutboxAsync();
        Assert.Single(outbox, o => o.TaskType == "sendEmail");
        Assert.Single(outbox, o => o.TaskType == "cancelOchanokoOrder");
    }

    [Fact]
    public async Task Order_paid_at_Ochanoko_after_its_deadline_is_cancelled_here_and_its_cancel_is_rejected_with_Ochanokos_answer()
    {
        await StartWorkersAsync();
        await SeedOrderAsync("7101", DateTimeOffset.UtcNow.AddSeconds(3));
        await WaitUntilFinishedAsync(await OrderEventAsync("7101"));
        // The customer paid at the platform, and its paid event has not reached us before the deadline.
        await Ochanoko.MarkPaidAsync("7101", Cancellation);

        await WaitUntilFinishedAsync(await OutboxTaskAsync("paymentTimeout", "7101"));
        var cancel = await WaitUntilFinishedAsync(await OutboxTaskAsync("cancelOchanokoOrder", "7101"));

        Assert.Equal(TaskState.DeadLettered, cancel.Task.State);
        Assert.Contains("409", cancel.Task.LastError, StringComparison.Ordinal);
        Assert.Contains("is paid", cancel.Task.LastError, StringComparison.Ordinal);
        Assert.Contains("refund", cancel.Task.LastError, StringComparison.Ordinal);
        Assert.Empty(await Ochanoko.CancellationsAsync(Cancellation));
        await using var db = PosDb();
        Assert.Equal(EcOrderStatus.Cancelled, (await db.EcOrders.SingleAsync(Cancellation)).Status);
        Assert.Equal(Seed.Stock(3), await Seed.StockAsync(db, "S001", Seed.Sku(3), Cancellation));
    }
}
