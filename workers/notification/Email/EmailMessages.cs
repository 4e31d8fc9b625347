using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MimeKit;
using Workers.Notification.Options;

namespace Workers.Notification.Email;

// Builds the MIME message of one item. Its Message-ID is derived from the task id and the item's index, so a mail
// sent twice (the window README.md describes) is the same mail to the receiver, who can drop the copy.
internal static class EmailMessages
{
    public const string TaskHeader = "X-Workers-Task";

    public static MimeMessage Create(EmailItem item, string taskId, long index, SmtpOptions options)
    {
        var from = MailboxAddress.Parse(item.From ?? options.From);
        var message = new MimeMessage
        {
            Subject = item.Subject,
            MessageId = MessageId(taskId, index, from.Domain),
            Body = new BodyBuilder { TextBody = item.Text, HtmlBody = item.Html }.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(item.To));
        if (item.ReplyTo is not null)
        {
            message.ReplyTo.Add(MailboxAddress.Parse(item.ReplyTo));
        }

        message.Headers.Add(TaskHeader, $"{taskId}/{index.ToString(CultureInfo.InvariantCulture)}");
        return message;
    }

    // <task-hash.index@sender-domain>: a hash, because task ids may hold characters a Message-ID may not.
    public static string MessageId(string taskId, long index, string domain)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(taskId)))[..32];
        return $"{hash}.{index.ToString(CultureInfo.InvariantCulture)}@{(string.IsNullOrEmpty(domain) ? "workers.local" : domain)}";
    }
}
