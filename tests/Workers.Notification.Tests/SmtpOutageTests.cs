using System.Globalization;
using Workers.Notification.Email;
using Workers.Notification.Tests.Infrastructure;
using Workers.TaskManager.Persistence;

namespace Workers.Notification.Tests;

public sealed class SmtpOutageTests : NotificationWorkerTest
{
    private const int Groups = 10;
    private const int TasksPerGroup = 6;

    // The 60 s (the test mostly waits, beside the other projects); WORKERS_TEST_SMTP_OUTAGE_SECONDS=20 shortens it
    // while working on this code.
    private static readonly int OutageSeconds = int.Parse(Environment.GetEnvironmentVariable("WORKERS_TEST_SMTP_OUTAGE_SECONDS") ?? "60", CultureInfo.InvariantCulture);

    protected override TimeSpan Patience => TimeSpan.FromSeconds(OutageSeconds + 90);

    [Fact]
    public async Task SES_throttling_for_a_while_under_load_loses_nothing_dead_letters_nothing_and_every_mail_arrives_once_afterwards()
    {
        // Throttled from before the first mail until the outage ends: every task meets it.
        await Smtp.RefuseAsync(454, "Throttling failure: Maximum sending rate exceeded.", [Domain], OutageSeconds);
        StartWorker(new Dictionary<string, string?> { ["TaskManager__Outage__ProbeMaxDelay"] = "00:00:03" });

        var tasks = new List<string>();
        for (var t = 0; t < TasksPerGroup; t++)
        {
            for (var g = 0; g < Groups; g++)
            {
                var to = Address($"g{g}-t{t}");
                tasks.Add(await PublishAsync("sendEmail", new SendEmailBody([new(to, $"mail {g}/{t}", "body")]), group: $"store-{g}"));
            }
        }

        foreach (var taskId in tasks)
        {
            var done = await WaitUntilFinishedAsync(taskId);
            Assert.Equal((TaskState.Succeeded, 0L), (done.Task.State, done.Task.ItemsRejected));
        }

        Assert.NotEmpty(await Smtp.RefusalsAsync(Domain));
        var mails = await Smtp.MailsAsync(Domain);
        Assert.Equal(Groups * TasksPerGroup, mails.Count);
        Assert.Equal(Groups * TasksPerGroup, mails.Select(m => m.Envelope.To[0]).Distinct().Count());
        Assert.Empty(await Queues.ReceiveAsync(Queues.DeadLetterUrl, 1, TimeSpan.FromSeconds(1)));

        // In each group, the mails arrived in the order they were published.
        foreach (var group in mails.GroupBy(m => m.Envelope.To[0].Split('-')[0]))
        {
            Assert.Equal(group.OrderBy(m => m.Subject, StringComparer.Ordinal).Select(m => m.Id), group.Select(m => m.Id));
        }
    }
}
