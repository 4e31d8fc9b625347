using Workers.Notification.Email;
using Workers.Notification.Tests.Infrastructure;
using Workers.TaskManager.Persistence;

namespace Workers.Notification.Tests;

public sealed class CrashRecoveryTests : NotificationWorkerTest
{
    private const int VisibilityTimeoutSeconds = 5;
    private const int Mails = 30;

    protected override int QueueVisibilityTimeoutSeconds => VisibilityTimeoutSeconds;

    [Fact]
    public async Task A_worker_killed_mid_task_is_resumed_by_the_next_one_and_every_mail_arrives_exactly_once()
    {
        // Mails slow enough that the kill lands between two of them (a kill between the server's acceptance and
        // the ledger's commit, the documented window, is a matter of microseconds), and a visibility short enough
        // that the killed worker's message comes back within seconds.
        var settings = new Dictionary<string, string?>
        {
            ["TaskManager__TaskTypes__sendEmail__ChunkCooldownMilliseconds"] = "300",
            ["TaskManager__VisibilityTimeout"] = $"00:00:{VisibilityTimeoutSeconds:D2}",
            ["TaskManager__HeartbeatInterval"] = "00:00:01",
        };
        var first = StartWorker(settings);
        var taskId = await PublishAsync("sendEmail", new SendEmailBody(
            [.. Enumerable.Range(0, Mails).Select(i => new EmailItem(Address($"customer{i:D2}"), $"mail {i}", "body"))]));
        await WaitForTaskAsync(taskId, p => p.Task.ChunksDone >= 5);
        first.Kill();
        await first.WaitForExitAsync(Patience);
        var atCrash = (await ReadProgressAsync(taskId))!;
        Assert.InRange(atCrash.Task.ChunksDone, 5, Mails - 1);

        StartWorker(settings);
        var done = await WaitUntilFinishedAsync(taskId);

        Assert.Equal((TaskState.Succeeded, (long)Mails, 0L), (done.Task.State, done.Task.ItemsDone, done.Task.ItemsRejected));
        var mails = await Smtp.MailsAsync(Domain);
        Assert.Equal(
            Enumerable.Range(0, Mails).Select(i => Address($"customer{i:D2}")),
            mails.Select(m => m.Envelope.To[0]).Order(StringComparer.Ordinal));
    }
}
