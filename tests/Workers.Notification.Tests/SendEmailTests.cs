using Workers.Notification.Email;
using Workers.Notification.Tests.Infrastructure;
using Workers.TaskManager.Persistence;

namespace Workers.Notification.Tests;

public sealed class SendEmailTests : NotificationWorkerTest
{
    [Fact]
    public async Task Each_item_arrives_once_over_STARTTLS_and_AUTH_with_its_content_and_a_message_id_from_the_task_and_a_redelivery_sends_nothing_again()
    {
        StartWorker();
        var body = new SendEmailBody(
        [
            new(Address("hanako"), "ご注文ありがとうございます", "注文番号 A-1 を承りました。", "<p>注文番号 <b>A-1</b></p>", ReplyTo: "support@workers.local"),
            new(Address("taro"), "Your receipt", "Total: 1,200 yen"),
        ]);
        var taskId = await PublishAsync("sendEmail", body);
        var done = await WaitUntilFinishedAsync(taskId);
        Assert.Equal((TaskState.Succeeded, 2L, 0L), (done.Task.State, done.Task.ItemsDone, done.Task.ItemsRejected));

        // The same task again (a lost delete), then a marker behind it in its group: once the marker is done,
        // the redelivery has been handled.
        await RedeliverAsync("sendEmail", body, taskId);
        var marker = await PublishAsync("sendEmail", new SendEmailBody([new(Address("marker"), "marker", "marker")]));
        await WaitUntilFinishedAsync(marker);

        var hanako = Assert.Single(await Smtp.MailsAsync(Address("hanako")));
        Assert.Equal("ご注文ありがとうございます", hanako.Subject);
        Assert.Equal("注文番号 A-1 を承りました。", hanako.Text?.TrimEnd());
        Assert.Equal("<p>注文番号 <b>A-1</b></p>", hanako.Html);
        Assert.Equal("shop@workers.local", hanako.Envelope.From);
        Assert.Equal([Address("hanako")], hanako.Envelope.To);
        Assert.Equal("support@workers.local", hanako.ReplyTo);
        Assert.Equal($"<{EmailMessages.MessageId(taskId, 0, "workers.local")}>", hanako.MessageId);
        Assert.Equal($"{taskId}/0", hanako.Headers["x-workers-task"]);
        Assert.True(hanako.Secure, "the mail must travel over STARTTLS");
        Assert.Equal("workers", hanako.User);

        var taro = Assert.Single(await Smtp.MailsAsync(Address("taro")));
        Assert.Equal(("Your receipt", "Total: 1,200 yen", null), (taro.Subject, taro.Text?.TrimEnd(), taro.Html));
        Assert.Equal($"<{EmailMessages.MessageId(taskId, 1, "workers.local")}>", taro.MessageId);
    }

    [Fact]
    public async Task A_permanent_refusal_of_one_recipient_rejects_only_that_item_with_the_servers_answer()
    {
        await Smtp.RefuseAsync(550, "Message rejected: Email address is not verified.", [Address("gone")]);
        StartWorker();
        var taskId = await PublishAsync("sendEmail", new SendEmailBody(
        [
            new(Address("first"), "s", "t"),
            new(Address("gone"), "s", "t"),
            new(Address("last"), "s", "t"),
        ]));

        var done = await WaitUntilFinishedAsync(taskId);

        Assert.Equal((TaskState.Succeeded, 3L, 1L), (done.Task.State, done.Task.ItemsDone, done.Task.ItemsRejected));
        var rejection = Assert.Single(done.Rejections);
        Assert.Equal(Address("gone"), rejection.ItemKey);
        Assert.Equal("550 Message rejected: Email address is not verified.", rejection.Reason);
        Assert.Single(await Smtp.MailsAsync(Address("first")));
        Assert.Single(await Smtp.MailsAsync(Address("last")));
        Assert.Empty(await Smtp.MailsAsync(Address("gone")));
    }

    [Fact]
    public async Task A_refusal_at_the_end_of_DATA_rejects_the_item_too()
    {
        await Smtp.RefuseAsync(554, "Message rejected: content refused.", [Address("spam")], phase: "data");
        StartWorker();
        var taskId = await PublishAsync("sendEmail", new SendEmailBody([new(Address("spam"), "s", "t"), new(Address("ok"), "s", "t")]));

        var done = await WaitUntilFinishedAsync(taskId);

        Assert.Equal((TaskState.Succeeded, 1L), (done.Task.State, done.Task.ItemsRejected));
        Assert.Equal("554 Message rejected: content refused.", Assert.Single(done.Rejections).Reason);
        Assert.Single(await Smtp.MailsAsync(Address("ok")));
    }
}
