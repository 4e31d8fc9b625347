using Microsoft.Extensions.Logging;

namespace Workers.Notification;

// Every log line the notification worker writes. Task identifiers come from the TaskManager's per-message scope;
// addresses and tokens are not logged (they are personal data), the task record has the rejected ones.
internal static partial class Log
{
    [LoggerMessage(3300, LogLevel.Information, "Sent mails: {Sent} accepted by the SMTP server, {Rejected} refused for good in this attempt, {ChunksSkipped} already sent by an earlier attempt")]
    public static partial void MailsSent(ILogger logger, int sent, long rejected, int chunksSkipped);

    [LoggerMessage(3301, LogLevel.Information, "A kept SMTP connection was closed by the server ({Reason}); sending on a new one")]
    public static partial void SmtpConnectionReplaced(ILogger logger, string reason);

    [LoggerMessage(3302, LogLevel.Information, "Sent push notifications: {Sent} accepted in {Requests} request(s), {Rejected} rejected in this attempt, {Deactivated} device token(s) deactivated, {ChunksSkipped} chunk(s) already sent by an earlier attempt")]
    public static partial void NotificationsSent(ILogger logger, int sent, int requests, long rejected, int deactivated, int chunksSkipped);

    [LoggerMessage(3303, LogLevel.Information, "Checked push receipts: {Delivered} delivered, {Rejected} failed or unknown in this attempt, {Deactivated} device token(s) deactivated")]
    public static partial void ReceiptsChecked(ILogger logger, int delivered, long rejected, int deactivated);
}
