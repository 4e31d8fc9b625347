using Microsoft.Extensions.Logging;
using Workers.ExternalEc.Ochanoko;
using Workers.TaskManager;

namespace Workers.ExternalEc.CancelOrder;

// cancelOchanokoOrder: cancels the order and its payment on Ochanoko. The call is a step, so a redelivery after it
// committed calls nothing; a crash between the call and the commit repeats it, which Ochanoko answers 200 again.
// Ochanoko refusing because the order is paid there (it was paid after our deadline, and our side already
// cancelled it and restored its stock) rejects the task with its answer: an operator must refund the customer.
internal sealed class CancelOchanokoOrderHandler(OchanokoClient client, TimeProvider time, ILogger<CancelOchanokoOrderHandler> logger)
    : ITaskHandler<CancelOchanokoOrderBody>
{
    // Kept free at the end of the task's timeout for the step's commit after the last HTTP wait.
    private static readonly TimeSpan CommitMargin = TimeSpan.FromSeconds(5);

    public async Task HandleAsync(TaskContext<CancelOchanokoOrderBody> task, CancellationToken cancellationToken)
    {
        var body = task.Body;
        var deadline = time.GetUtcNow() + task.Settings.Timeout - CommitMargin;
        var ran = await task.TransactionAsync(
            async ct =>
            {
                // Thrown inside the step, so it rolls back: a redriven task asks Ochanoko again.
                if (await client.CancelOrderAsync(body.StoreCode, body.OrderId, deadline, ct) is { } refusal)
                {
                    Log.OrderCancelRefused(logger, body.OrderId, body.StoreCode, refusal);
                    task.Reject($"Ochanoko refused to cancel order {body.OrderId} of store {body.StoreCode} (409): {refusal}. "
                        + "The order is cancelled in the POS and its stock restored; refund the customer's payment by hand.");
                }
            },
            cancellationToken,
            "cancel");
        Log.OrderCancelledOnOchanoko(logger, body.OrderId, body.StoreCode, ran ? "cancelled" : "already cancelled by an earlier delivery of this task");
    }
}
