using Microsoft.Extensions.Logging;
using Workers.Notification.Data;
using Workers.TaskManager;

namespace Workers.Notification.Push;

// checkPushReceipts: Expo accepts a message with an "ok" ticket and tells only later, in its receipt, whether the
// platform delivered it; a device uninstalled since shows up there as DeviceNotRegistered, not in the ticket. One
// getReceipts request per chunk (Expo takes up to 1,000 ids). An error receipt rejects its item with Expo's answer
// and DeviceNotRegistered deactivates the token, in the chunk's transaction; a receipt Expo does not have (not
// ready yet, or older than its 24 hours) rejects the item as unknown rather than holding the task.
internal sealed class CheckPushReceiptsHandler(NotificationDbContext db, PushClient push, TimeProvider time, ILogger<CheckPushReceiptsHandler> logger)
    : ITaskHandler<CheckPushReceiptsBody>
{
    public async Task HandleAsync(TaskContext<CheckPushReceiptsBody> task, CancellationToken cancellationToken)
    {
        var tokens = new DeviceTokens(db, time);
        int delivered = 0, deactivated = 0;
        var result = await task.ProcessItemsAsync(task.Body.Items, async (chunk, ct) =>
        {
            var receipts = await push.GetReceiptsAsync([.. chunk.Items.Select(i => i.ReceiptId)], ct);
            var dead = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in chunk.Items)
            {
                if (!receipts.TryGetValue(item.ReceiptId, out var receipt))
                {
                    chunk.Reject(item.To, $"No receipt {item.ReceiptId}: Expo does not have it (not ready yet, or older than 24 hours).");
                }
                else if (receipt.IsOk)
                {
                    delivered++;
                }
                else
                {
                    chunk.Reject(item.To, receipt.Describe());
                    if (receipt.IsDeviceNotRegistered)
                    {
                        dead[item.To] = receipt.Describe();
                    }
                }
            }

            deactivated += await tokens.DeactivateAsync(dead, ct);
        }, cancellationToken);
        Log.ReceiptsChecked(logger, delivered, result.ItemsRejected, deactivated);
    }
}
