using Workers.ExternalEc.Tests.Infrastructure;
using Workers.TaskManager.Persistence;
using static Workers.ExternalEc.Tests.Infrastructure.OchanokoOrders;

namespace Workers.ExternalEc.Tests;

// cancelOchanokoOrder (sent by ec-order when an order's payment deadline passed) against the Ochanoko stand-in.
// The 409 of an order paid on Ochanoko is covered end to end in Workers.EcOrder.Tests.
public sealed class CancelOchanokoOrderTests : ExternalEcWorkerTest
{
    [Fact]
    public async Task An_outage_when_the_cancel_is_due_is_waited_out_and_the_order_is_cancelled_once_with_no_dead_letter()
    {
        await Ochanoko.CreateShopAsync(cancellationToken: Cancellation);
        await Ochanoko.SeedOrderAsync(Order("9101", "konbini", DateTimeOffset.UtcNow, ("och-1", null, 1)), Cancellation);
        StartExternalEcWorker();
        await Ochanoko.OutageAsync(TimeSpan.FromSeconds(5), Cancellation);

        var cancel = await WaitUntilFinishedAsync(await PublishAsync("cancelOchanokoOrder", new { storeCode = "S001", orderId = "9101" }));

        Assert.Equal(TaskState.Succeeded, cancel.Task.State);
        Assert.True((await Ochanoko.CountersAsync(Cancellation))["unavailable"] > 0, "the stand-in never answered 503");
        Assert.Equal(["9101"], await Ochanoko.CancellationsAsync(Cancellation));
        Assert.Empty(await Queues.ReceiveAsync(Queues.DeadLetterUrl, 1, TimeSpan.FromSeconds(1)));

        // Another task for the same order (enqueued again by an operator; its own task id, or SQS would take it for a
        // repeat of the first): Ochanoko answers 200 again.
        var again = await WaitUntilFinishedAsync(await PublishAsync("cancelOchanokoOrder", new { storeCode = "S001", orderId = "9101" }, taskId: "cancel-9101-again"));
        Assert.Equal(TaskState.Succeeded, again.Task.State);
    }
}
