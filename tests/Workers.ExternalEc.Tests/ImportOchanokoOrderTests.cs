using Microsoft.EntityFrameworkCore;
using Workers.Domain.EcOrders;
using Workers.ExternalEc.Tests.Infrastructure;
using static Workers.ExternalEc.Tests.Infrastructure.OchanokoOrders;
using Workers.TaskManager.Persistence;

namespace Workers.ExternalEc.Tests;

// importOchanokoOrder against the Ochanoko stand-in: the order is fetched, created once with its stock taken once,
// and an order that cannot be fulfilled leaves no trace but a notice e-mail in the outbox.
public sealed class ImportOchanokoOrderTests : ExternalEcWorkerTest
{
    [Fact]
    public async Task Imported_order_is_created_once_and_takes_stock_once_across_a_redelivery_and_a_duplicate()
    {
        await using (var db = PosDb())
        {
            await Seed.LinkedProductsAsync(db, 3, Cancellation);
        }

        await Ochanoko.CreateShopAsync(cancellationToken: Cancellation);
        await Ochanoko.SeedOrderAsync(Order("9001", ("och-1", null, 2), ("och-9", "SKU-2", 1)), Cancellation);
        StartExternalEcWorker();

        var body = new { storeCode = "S001", orderId = "9001" };
        var first = await PublishAsync("importOchanokoOrder", body);
        Assert.Equal(TaskState.Succeeded, (await WaitUntilFinishedAsync(first)).Task.State);
        // One FIFO group: when the duplicate has finished, the redelivery before it has too.
        await RedeliverAsync("importOchanokoOrder", body, first);
        var duplicate = await PublishAsync("importOchanokoOrder", body, taskId: Guid.NewGuid().ToString());
        Assert.Equal(TaskState.Succeeded, (await WaitUntilFinishedAsync(duplicate)).Task.State);

        await using var check = PosDb();
        var order = Assert.Single(await check.EcOrders.ToListAsync(Cancellation));
        Assert.Equal(("ochanoko", "9001", EcOrderStatus.Paid, 1234L, "buyer@example.com"), (order.Platform, order.ExternalOrderId, order.Status, order.Total, order.CustomerEmail));
        var lines = await check.EcOrderLines.OrderBy(l => l.LineNumber).ToListAsync(Cancellation);
        Assert.Equal([(1, 2), (2, 1)], lines.Select(l => (l.LineNumber, l.Quantity)));
        // Line 2 names a product id Ochanoko does not know here, but its model number is a SKU: the SKU wins.
        Assert.Equal(Seed.Stock(1) - 2, await Seed.StockAsync(check, "S001", "SKU-1", Cancellation));
        Assert.Equal(Seed.Stock(2) - 1, await Seed.StockAsync(check, "S001", "SKU-2", Cancellation));
        Assert.Equal(2, await check.StockMovements.CountAsync(Cancellation));
        Assert.Equal(Seed.Stock(1), await Seed.StockAsync(check, "S002", "SKU-1", Cancellation));
    }

    [Fact]
    public async Task Order_whose_stock_is_short_creates_nothing_takes_no_stock_and_sends_a_notice()
    {
        await using (var db = PosDb())
        {
            await Seed.LinkedProductsAsync(db, 3, Cancellation);
        }

        await Ochanoko.CreateShopAsync(cancellationToken: Cancellation);
        await Ochanoko.SeedOrderAsync(Order("9002", ("och-1", null, 1), ("och-3", null, Seed.Stock(3) + 1)), Cancellation);
        StartExternalEcWorker(new Dictionary<string, string?> { ["ExternalEc__Ochanoko__NoticeEmail"] = "shop@example.com" });

        var task = await PublishAsync("importOchanokoOrder", new { storeCode = "S001", orderId = "9002" });
        Assert.Equal(TaskState.Succeeded, (await WaitUntilFinishedAsync(task)).Task.State);

        await using var check = PosDb();
        Assert.Empty(await check.EcOrders.ToListAsync(Cancellation));
        Assert.Equal(0, await check.StockMovements.CountAsync(Cancellation));
        Assert.Equal(Seed.Stock(1), await Seed.StockAsync(check, "S001", "SKU-1", Cancellation));
        var notice = Assert.Single(await OutboxAsync(), o => o.TargetWorker == "notification");
        Assert.Equal("sendEmail", notice.TaskType);
        Assert.Contains("\"to\":\"buyer@example.com\"", notice.Body, StringComparison.Ordinal);
        Assert.Contains("\"to\":\"shop@example.com\"", notice.Body, StringComparison.Ordinal);
        Assert.Contains("stock is short", notice.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shipped_event_completes_the_imported_order()
    {
        await using (var db = PosDb())
        {
            await Seed.LinkedProductsAsync(db, 1, Cancellation);
        }

        await Ochanoko.CreateShopAsync(cancellationToken: Cancellation);
        await Ochanoko.SeedOrderAsync(Order("9003", ("och-1", null, 1)), Cancellation);
        StartExternalEcWorker();

        await WaitUntilFinishedAsync(await PublishAsync("importOchanokoOrder", new { storeCode = "S001", orderId = "9003" }));
        await WaitUntilFinishedAsync(await PublishAsync("importOchanokoOrder", new { storeCode = "S001", orderId = "9003", @event = "shipped" }));

        await using var check = PosDb();
        var order = Assert.Single(await check.EcOrders.ToListAsync(Cancellation));
        Assert.Equal(EcOrderStatus.Completed, order.Status);
        Assert.NotNull(order.CompletedAt);
        Assert.Equal(Seed.Stock(1) - 1, await Seed.StockAsync(check, "S001", "SKU-1", Cancellation));
    }

    [Fact]
    public async Task Unpaid_order_schedules_its_payment_timeout_at_its_deadline_and_the_paid_event_takes_it_back()
    {
        await using (var db = PosDb())
        {
            await Seed.LinkedProductsAsync(db, 1, Cancellation);
        }

        // Days ahead, as a konbini deadline is: the row waits in the outbox, never published during the test.
        var deadline = new DateTimeOffset(DateTime.UtcNow.AddDays(3).Ticks / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        await Ochanoko.CreateShopAsync(cancellationToken: Cancellation);
        await Ochanoko.SeedOrderAsync(Order("9004", "konbini", deadline, ("och-1", null, 1)), Cancellation);
        await Ochanoko.SeedOrderAsync(Order("9005", "card", null, ("och-1", null, 1)), Cancellation);
        StartExternalEcWorker();

        await WaitUntilFinishedAsync(await PublishAsync("importOchanokoOrder", new { storeCode = "S001", orderId = "9004" }));
        await WaitUntilFinishedAsync(await PublishAsync("importOchanokoOrder", new { storeCode = "S001", orderId = "9005" }));
        var timeout = Assert.Single(await OutboxAsync(), o => o.TaskType == "paymentTimeout");
        Assert.Equal(("ec-order", "S001", deadline), (timeout.TargetWorker, timeout.GroupId, timeout.DueAt));
        Assert.StartsWith("payment-timeout-", timeout.TaskId, StringComparison.Ordinal);
        Assert.Contains("\"orderId\":\"9004\"", timeout.Body, StringComparison.Ordinal);
        await using (var check = PosDb())
        {
            var unpaid = await check.EcOrders.SingleAsync(o => o.ExternalOrderId == "9004", Cancellation);
            Assert.Equal((EcOrderStatus.Unpaid, deadline), (unpaid.Status, unpaid.PaymentDeadline));
        }

        var paid = await PublishAsync("importOchanokoOrder", new { storeCode = "S001", orderId = "9004", @event = "paid" });
        Assert.Equal(TaskState.Succeeded, (await WaitUntilFinishedAsync(paid)).Task.State);

        // The card order scheduled nothing; the paid one's timeout is gone.
        Assert.DoesNotContain(await OutboxAsync(), o => o.TaskType == "paymentTimeout");
        await using var after = PosDb();
        var order = await after.EcOrders.SingleAsync(o => o.ExternalOrderId == "9004", Cancellation);
        Assert.Equal((EcOrderStatus.Paid, null), (order.Status, order.PaymentDeadline));
        Assert.NotNull(order.PaidAt);
        Assert.Equal(Seed.Stock(1) - 2, await Seed.StockAsync(after, "S001", "SKU-1", Cancellation));
    }
}
