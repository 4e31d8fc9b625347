using System.ComponentModel.DataAnnotations;

namespace Workers.Notification.Options;

// Expo's push API (https://exp.host in production; the path /--/api/v2/push/send is added).
internal sealed class PushOptions
{
    [Required(ErrorMessage = "Notification:Push:Endpoint is not set: the worker pushes nowhere by default (set Notification__Push__Endpoint, https://exp.host in production).")]
    [Url]
    public string Endpoint { get; set; } = "";

    // Expo's access token when the project requires one ("enhanced security for push notifications").
    public string? AccessToken { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    // How long after a send its delivery receipts are checked (checkPushReceipts). Expo: receipts are usually
    // ready within 15 minutes and kept for 24 hours
    // (https://docs.expo.dev/push-notifications/sending-notifications/#push-receipts).
    [Range(typeof(TimeSpan), "00:00:00", "23:00:00")]
    public TimeSpan ReceiptDelay { get; set; } = TimeSpan.FromMinutes(15);
}
