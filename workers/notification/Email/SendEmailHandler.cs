using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workers.Notification.Options;
using Workers.TaskManager;

namespace Workers.Notification.Email;

// sendEmail: one mail per item, each in its own step (the fleet's chunk size for sendEmail is 1), so the step
// ledger commits right after the server accepted that mail and a redelivery skips it. A permanent refusal (5xx)
// rejects the item with the server's answer; a 4xx, a timeout or a connection failure is an SMTP outage
// (TransientDependencyException): the message is held, nothing is dead-lettered, and sending resumes in order.
internal sealed class SendEmailHandler(SmtpSender smtp, IOptions<NotificationOptions> options, ILogger<SendEmailHandler> logger)
    : ITaskHandler<SendEmailBody>
{
    public async Task HandleAsync(TaskContext<SendEmailBody> task, CancellationToken cancellationToken)
    {
        var sent = 0;
        var result = await task.ProcessItemsAsync(task.Body.Items, async (chunk, ct) =>
        {
            for (var i = 0; i < chunk.Items.Count; i++)
            {
                var item = chunk.Items[i];
                using var message = EmailMessages.Create(item, task.Info.TaskId, chunk.FirstItemNumber - 1 + i, options.Value.Smtp);
                if (await smtp.SendAsync(message, ct) is { } refusal)
                {
                    chunk.Reject(item.To, refusal);
                }
                else
                {
                    sent++;
                }
            }
        }, cancellationToken);
        Log.MailsSent(logger, sent, result.ItemsRejected, result.ChunksSkipped);
    }
}
