using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workers.Notification.Data;
using Workers.Notification.Options;
using Workers.TaskManager;
using Workers.TaskManager.Publishing;

namespace Workers.Notification.Push;

// sendNotification: chunks of up to 100 items (the fleet's chunk size), one push request each, the step ledger
// committed after the push service answered, so a redelivery skips what was sent. A ticket's error rejects its
// item with the service's answer; DeviceNotRegistered also deactivates the token in notification.device_tokens
// (same transaction). Items to a token already deactivated are rejected without being sent. 429, 5xx and
// connection failures are outages of the push service (held by the TaskManager, never dead-lettered).
// Each chunk's "ok" tickets become one checkPushReceipts task for this worker, enqueued in the chunk's
// transaction and due Notification:Push:ReceiptDelay later: the receipt says whether the platform delivered it.
internal sealed class SendNotificationHandler(
    NotificationDbContext db, PushClient push, TimeProvider time, IOptions<NotificationOptions> options, ILogger<SendNotificationHandler> logger)
    : ITaskHandler<SendNotificationBody>
{
    public const string CheckReceiptsType = "checkPushReceipts";

    public async Task HandleAsync(TaskContext<SendNotificationBody> task, CancellationToken cancellationToken)
    {
        var tokens = new DeviceTokens(db, time);
        int sent = 0, requests = 0, deactivated = 0;
        var result = await task.ProcessItemsAsync(task.Body.Items, async (chunk, ct) =>
        {
            var inactive = await tokens.InactiveAsync(chunk.Items.Select(i => i.To), ct);
            var dead = new Dictionary<string, string>(StringComparer.Ordinal);
            var accepted = new List<PushReceiptCheck>();
            foreach (var item in chunk.Items.Where(i => inactive.Contains(i.To)))
            {
                chunk.Reject(item.To, "The device token was deactivated earlier (DeviceNotRegistered); not sent.");
            }

            // A chunk size above Expo's limit (an operator's override) still goes out in requests of ≤ 100.
            foreach (var batch in chunk.Items.Where(i => !inactive.Contains(i.To)).Chunk(PushClient.MaxMessagesPerRequest))
            {
                var tickets = await push.SendAsync(batch, ct);
                requests++;
                for (var i = 0; i < batch.Length; i++)
                {
                    if (tickets[i].IsOk)
                    {
                        sent++;
                        if (tickets[i].Id is { } receiptId)
                        {
                            accepted.Add(new PushReceiptCheck(receiptId, batch[i].To));
                        }

                        continue;
                    }

                    chunk.Reject(batch[i].To, tickets[i].Describe());
                    if (tickets[i].IsDeviceNotRegistered)
                    {
                        dead[batch[i].To] = tickets[i].Describe();
                    }
                }
            }

            deactivated += await tokens.DeactivateAsync(dead, ct);
            if (accepted.Count > 0)
            {
                chunk.Enqueue(
                    task.Info.Worker,
                    TaskMessage.Create(CheckReceiptsType, new CheckPushReceiptsBody(accepted), task.Info.GroupId ?? CheckReceiptsType),
                    time.GetUtcNow() + options.Value.Push.ReceiptDelay);
            }
        }, cancellationToken);
        Log.NotificationsSent(logger, sent, requests, result.ItemsRejected, deactivated, result.ChunksSkipped);
    }
}
