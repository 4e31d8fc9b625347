using System.ComponentModel.DataAnnotations;

namespace Workers.Notification.Push;

// {"items":[{"to":"ExponentPushToken[…]","title":"…","body":"…","data":{"orderId":"…"}}]}: one push notification
// per item, one device each.
internal sealed record SendNotificationBody([property: Required, Length(1, SendNotificationBody.MaxItems)] IReadOnlyList<PushItem> Items)
{
    public const int MaxItems = 100_000;
}
