using Microsoft.EntityFrameworkCore;
using Workers.Notification.Data;
using Workers.Notification.Push;
using Workers.Notification.Tests.Infrastructure;
using Workers.TaskManager.Persistence;

namespace Workers.Notification.Tests;

public sealed class SendNotificationTests : NotificationWorkerTest
{
    [Fact]
    public async Task Items_go_out_in_requests_of_at_most_100_and_an_unregistered_device_is_deactivated_and_its_item_rejected()
    {
        var dead = Token(7);
        await using (var db = Db())
        {
            db.DeviceTokens.Add(new DeviceToken { Token = dead, Owner = "customer:7", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(Cancellation);
        }

        await Push.UnregisterAsync(dead);
        StartWorker();
        var items = Enumerable.Range(0, 250).Select(i => new PushItem(Token(i), "入荷のお知らせ", $"item {i}", new Dictionary<string, string> { ["n"] = $"{i}" })).ToList();
        var taskId = await PublishAsync("sendNotification", new SendNotificationBody(items));

        var done = await WaitUntilFinishedAsync(taskId);

        Assert.Equal((TaskState.Succeeded, 3, 250L, 1L), (done.Task.State, done.Task.ChunksDone, done.Task.ItemsDone, done.Task.ItemsRejected));
        var rejection = Assert.Single(done.Rejections);
        Assert.Equal(dead, rejection.ItemKey);
        Assert.StartsWith("DeviceNotRegistered: ", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal([100, 100, 50], (await Push.RequestsAsync(TokenPrefix)).Select(r => r.Count));
        var received = await Push.MessagesAsync(TokenPrefix);
        Assert.Equal(249, received.Count);
        Assert.Equal(249, received.Select(m => m.To).Distinct().Count());
        var sample = received.Single(m => m.To == Token(42));
        Assert.Equal(("入荷のお知らせ", "item 42", "42", "local-push-token"), (sample.Title, sample.Body, sample.Data!["n"], sample.AccessToken));

        await using var check = Db();
        var token = await check.DeviceTokens.SingleAsync(t => t.Token == dead, Cancellation);
        Assert.False(token.Active);
        Assert.NotNull(token.DeactivatedAt);
        Assert.StartsWith("DeviceNotRegistered", token.DeactivationReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_deactivated_earlier_is_rejected_without_a_request_and_a_redelivery_sends_nothing_again()
    {
        var dead = Token(1);
        await Push.UnregisterAsync(dead);
        StartWorker();
        var first = await PublishAsync("sendNotification", new SendNotificationBody([new(dead, "a"), new(Token(2), "a")]));
        Assert.Equal(1L, (await WaitUntilFinishedAsync(first)).Task.ItemsRejected);

        var body = new SendNotificationBody([new(dead, "b"), new(Token(3), "b")]);
        var second = await PublishAsync("sendNotification", body);
        var done = await WaitUntilFinishedAsync(second);
        await RedeliverAsync("sendNotification", body, second);
        var marker = await PublishAsync("sendNotification", new SendNotificationBody([new(Token(4), "marker")]));
        await WaitUntilFinishedAsync(marker);

        Assert.Equal(1L, done.Task.ItemsRejected);
        Assert.Contains("deactivated earlier", Assert.Single(done.Rejections).Reason, StringComparison.Ordinal);
        var requests = await Push.RequestsAsync(TokenPrefix);
        Assert.Equal([2, 1, 1], requests.Select(r => r.Count));
        Assert.DoesNotContain(dead, requests[1].Tokens);
        Assert.Equal([Token(2), Token(3), Token(4)], (await Push.MessagesAsync(TokenPrefix)).Select(m => m.To));
        await using var check = Db();
        Assert.False((await check.DeviceTokens.SingleAsync(t => t.Token == dead, Cancellation)).Active);
    }

    [Fact]
    public async Task The_tickets_receipts_are_checked_later_and_one_saying_the_device_is_gone_deactivates_its_token()
    {
        var gone = Token(1);
        await Push.UndeliverableAsync(gone);
        StartWorker(new Dictionary<string, string?> { ["Notification__Push__ReceiptDelay"] = "00:00:00" });
        var sent = await WaitUntilFinishedAsync(await PublishAsync("sendNotification", new SendNotificationBody([new(gone, "a"), new(Token(2), "a")])));
        Assert.Equal((TaskState.Succeeded, 0L), (sent.Task.State, sent.Task.ItemsRejected)); // both tickets "ok"

        // The chunk enqueued the check in its own transaction: its outbox row exists once the send succeeded.
        await using var db = Db();
        var checkId = await db.Database
            .SqlQuery<string>($"SELECT task_id AS \"Value\" FROM taskmanager.outbox WHERE task_type = 'checkPushReceipts'")
            .SingleAsync(Cancellation);
        var check = await WaitUntilFinishedAsync(checkId);

        Assert.Equal((TaskState.Succeeded, 2L, 1L), (check.Task.State, check.Task.ItemsDone, check.Task.ItemsRejected));
        var rejection = Assert.Single(check.Rejections);
        Assert.Equal(gone, rejection.ItemKey);
        Assert.StartsWith("DeviceNotRegistered: ", rejection.Reason, StringComparison.Ordinal);
        Assert.False((await db.DeviceTokens.SingleAsync(t => t.Token == gone, Cancellation)).Active);
        Assert.Equal(2, (await Push.MessagesAsync(TokenPrefix)).Count); // the check sent nothing
    }

    [Fact]
    public async Task The_push_services_rate_limit_is_an_outage_waited_out_after_its_Retry_After_and_nothing_is_dead_lettered()
    {
        // A project of this test's own, allowed 150 notifications a second: the second request of 100 within
        // a second is answered 429 with Retry-After: 1.
        var accessToken = $"test-{Guid.NewGuid():N}";
        await Push.ProjectAsync(accessToken, perSecond: 150);
        StartWorker(new Dictionary<string, string?> { ["Notification__Push__AccessToken"] = accessToken });
        var taskId = await PublishAsync("sendNotification", new SendNotificationBody(
            [.. Enumerable.Range(0, 400).Select(i => new PushItem(Token(i), "t"))]));

        var done = await WaitUntilFinishedAsync(taskId);

        Assert.Equal((TaskState.Succeeded, 400L, 0L), (done.Task.State, done.Task.ItemsDone, done.Task.ItemsRejected));
        Assert.Equal(400, (await Push.MessagesAsync(TokenPrefix)).Select(m => m.To).Distinct().Count());
        Assert.Equal(400, (await Push.MessagesAsync(TokenPrefix)).Count);
        Assert.Empty(await Queues.ReceiveAsync(Queues.DeadLetterUrl, 1, TimeSpan.FromSeconds(1)));
        var requests = await Push.RequestsAsync(TokenPrefix);
        Assert.Contains(requests, r => r.Status == 429);

        // After each 429 the next request waited for the Retry-After (1 s; the stand-in stamps in milliseconds).
        foreach (var (refused, next) in requests.Zip(requests.Skip(1)).Where(p => p.First.Status == 429))
        {
            Assert.True(next.At - refused.At >= TimeSpan.FromMilliseconds(950), $"a request {(next.At - refused.At).TotalMilliseconds} ms after a 429");
        }
    }
}
