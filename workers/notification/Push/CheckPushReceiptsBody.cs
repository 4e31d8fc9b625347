using System.ComponentModel.DataAnnotations;
using Workers.Notification.Data;

namespace Workers.Notification.Push;

// {"items":[{"receiptId":"…","to":"ExponentPushToken[…]"}]}: the tickets a sendNotification chunk got, with the
// token each was sent to, checked once their receipts are due. Written by SendNotificationHandler only.
internal sealed record CheckPushReceiptsBody([property: Required, Length(1, CheckPushReceiptsBody.MaxItems)] IReadOnlyList<PushReceiptCheck> Items)
{
    public const int MaxItems = 100_000;
}

internal sealed record PushReceiptCheck(
    [property: Required, MaxLength(100)] string ReceiptId,
    [property: Required, MaxLength(NotificationDbContext.TokenLength)] string To);
