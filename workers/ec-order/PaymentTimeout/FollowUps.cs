using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Workers.TaskManager;
using Workers.TaskManager.Publishing;

namespace Workers.EcOrder.PaymentTimeout;

// What a cancelled order sends on, through the outbox in the cancelling step: the cancellation of the order and its
// payment on the platform (external-ec), and the customer's notice (notification). Their task ids are derived from
// the order, which is cancelled at most once: a repeat can never send either twice.
internal static class FollowUps
{
    // Japan's offset all year (no daylight saving): the customer reads the deadline in shop time.
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    public static void CancelOnPlatform(TaskContext<PaymentTimeoutBody> task, string storeCode)
    {
        var body = task.Body;
        task.Enqueue("external-ec", TaskMessage.Create(
            "cancelOchanokoOrder", new CancelOrderBody(storeCode, body.OrderId), storeCode, TaskId("cancel", body)));
    }

    // The number of notices sent: none when the order has no e-mail address.
    public static int NotifyCustomer(TaskContext<PaymentTimeoutBody> task, string storeCode, string? email, DateTimeOffset deadline)
    {
        if (email is not { Length: > 0 })
        {
            return 0;
        }

        var id = task.Body.OrderId;
        var when = deadline.ToOffset(Jst).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " JST";
        var notice = new EmailItem(email, $"ご注文 {id} のキャンセル / Your order {id} was cancelled",
            $"ご注文 {id} は、お支払い期限（{when}）までにお支払いを確認できなかったため、キャンセルいたしました。"
            + "ご注文の際はあらためてお手続きください。\n\n"
            + $"Your order {id} was cancelled because its payment was not received by its deadline ({when}). "
            + "Please order again if you still want the items.");
        task.Enqueue("notification", TaskMessage.Create("sendEmail", new SendEmailBody([notice]), storeCode, TaskId("notice", task.Body)));
        return 1;
    }

    // At most 16 + 7 + 32 characters, within SQS's 128 whatever the order id's length.
    private static string TaskId(string what, PaymentTimeoutBody body) =>
        $"payment-timeout-{what}-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{body.Platform}\n{body.OrderId}")))[..32];
}

// external-ec's cancelOchanokoOrder body.
internal sealed record CancelOrderBody(string StoreCode, string OrderId);

// The notification worker's sendEmail body: {"items":[{"to":"…","subject":"…","text":"…"}]}, one recipient per item.
internal sealed record SendEmailBody(IReadOnlyList<EmailItem> Items);

internal sealed record EmailItem(string To, string Subject, string Text);
