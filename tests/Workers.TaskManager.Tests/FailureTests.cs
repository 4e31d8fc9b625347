using System.Text.Json;
using Workers.TaskManager.Consuming;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Tests.Infrastructure;

namespace Workers.TaskManager.Tests;

public sealed class FailureTests : TaskManagerTest
{
    [Fact]
    public async Task A_failing_task_is_retried_and_moved_to_the_dead_letter_queue_after_its_third_receive_with_every_error_recorded()
    {
        Script.Behavior = (task, _) => throw new InvalidOperationException($"boom on attempt {task.Info.Attempt}");
        var settings = QueueSettings();
        settings["TaskManager:Retry:BaseDelay"] = "00:00:00";
        var host = CreateHost(settings: settings);
        await host.StartAsync(Cancellation);

        var published = await PublishAsync(host, "echo", new Echo("fails"));
        var dead = Assert.Single(await Queues.ReceiveAsync(Queues.DeadLetterUrl, 1, Patience));

        Assert.Equal(published.MessageId, dead.MessageId);
        Assert.Equal(3, Script.Calls.Count);
        var errors = await ErrorsAsync(published.TaskId);
        Assert.Equal([1, 2, 3], errors.Select(e => e.Attempt));
        Assert.All(errors, e =>
        {
            Assert.False(e.Permanent);
            Assert.Equal("Exception", e.Kind);
            Assert.Equal(typeof(InvalidOperationException).FullName, e.ExceptionType);
            Assert.Contains("boom on attempt", e.Message, StringComparison.Ordinal);
            Assert.NotNull(e.StackTrace);
        });
        var task = await TaskAsync(published.TaskId);
        Assert.Equal(TaskState.DeadLettered, task!.State);
        Assert.Equal(3, task.Attempts);
    }

    [Fact]
    public async Task A_task_that_fails_once_succeeds_on_its_retry()
    {
        Script.Behavior = (task, _) => task.Info.Attempt == 1 ? throw new TimeoutException("the partner API timed out") : Task.CompletedTask;
        var host = CreateHost(settings: QueueSettings());
        var watcher = await SubscribeAsync(host);
        await host.StartAsync(Cancellation);

        var published = await PublishAsync(host, "echo", new Echo("flaky"));
        await watcher.UntilAsync(published.TaskId, t => t.State == TaskState.Succeeded);

        var task = await TaskAsync(published.TaskId);
        Assert.Equal(2, task!.Attempts);
        Assert.Single(await ErrorsAsync(published.TaskId));
        Assert.Empty(await Queues.ReceiveAsync(Queues.DeadLetterUrl, 1, TimeSpan.FromSeconds(1)));
    }

    public static TheoryData<string, string, FailureKind> PoisonMessages => new()
    {
        { "invalid JSON", "{\"type\": \"echo\", \"body\": ", FailureKind.MalformedMessage },
        { "not an object", "[1, 2, 3]", FailureKind.MalformedMessage },
        { "no task type", "{\"body\": {\"text\": \"x\"}}", FailureKind.MalformedMessage },
        { "unknown task type", "{\"type\": \"launchRocket\", \"body\": {}}", FailureKind.UnknownTaskType },
        { "missing required field", "{\"type\": \"echo\", \"body\": {\"sequence\": 1}}", FailureKind.InvalidBody },
        { "wrong field type", "{\"type\": \"echo\", \"body\": {\"text\": \"x\", \"sequence\": \"one\"}}", FailureKind.InvalidBody },
        { "failed validation", "{\"type\": \"echo\", \"body\": {\"text\": \"\"}}", FailureKind.InvalidBody },
        { "oversize body", "{\"type\": \"echo\", \"body\": {\"text\": \"" + new string('x', 5000) + "\"}}", FailureKind.BodyTooLarge },
        { "SNS envelope around garbage", "{\"Type\": \"Notification\", \"TopicArn\": \"arn:aws:sns:us-east-1:000000000000:events\", \"Message\": \"garbage\"}", FailureKind.MalformedMessage },
        { "claim check to a missing object", "{\"type\": \"echo\", \"bodyRef\": {\"bucket\": \"workers-local-artifacts\", \"key\": \"claim-checks/test/none.json\", \"size\": 10}}", FailureKind.ClaimCheckMissing },
    };

    [Theory]
    [MemberData(nameof(PoisonMessages))]
    public async Task A_message_retrying_cannot_fix_goes_to_the_dead_letter_queue_at_once_with_its_reason(string what, string body, FailureKind kind)
    {
        var settings = QueueSettings();
        settings["TaskManager:MaxBodyBytes"] = "4096";
        var host = CreateHost(settings: settings);
        await host.StartAsync(Cancellation);

        var sent = await Queues.SendRawAsync(body);
        var dead = Assert.Single(await Queues.ReceiveAsync(Queues.DeadLetterUrl, 1, Patience));

        Assert.Equal(body, dead.Body);
        Assert.Equal("g", dead.Attributes["MessageGroupId"]);
        using var failure = JsonDocument.Parse(dead.MessageAttributes[DeadLetterMessages.FailureAttribute].StringValue);
        Assert.Equal(kind.ToString(), failure.RootElement.GetProperty("kind").GetString());
        Assert.Equal(1, failure.RootElement.GetProperty("receiveCount").GetInt32());
        Assert.Equal(sent.MessageId, failure.RootElement.GetProperty("messageId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(failure.RootElement.GetProperty("reason").GetString()), what);
        Assert.Empty(Script.Calls);
        var error = Assert.Single(await ErrorsAsync(), e => e.MessageId == sent.MessageId);
        Assert.True(error.Permanent);
        Assert.Equal(kind.ToString(), error.Kind);
    }

    [Fact]
    public async Task A_handler_that_rejects_its_task_sends_it_to_the_dead_letter_queue_without_retrying()
    {
        Script.Behavior = (task, _) =>
        {
            task.Reject("store S999 was closed in 2019");
            return Task.CompletedTask;
        };
        var host = CreateHost(settings: QueueSettings());
        await host.StartAsync(Cancellation);

        var published = await PublishAsync(host, "echo", new Echo("closed store"));
        var dead = Assert.Single(await Queues.ReceiveAsync(Queues.DeadLetterUrl, 1, Patience));

        Assert.Contains("store S999 was closed", dead.MessageAttributes[DeadLetterMessages.FailureAttribute].StringValue, StringComparison.Ordinal);
        Assert.Single(Script.Calls);
        Assert.Equal(TaskState.DeadLettered, (await TaskAsync(published.TaskId))!.State);
    }

    [Fact]
    public async Task A_task_wrapped_in_an_SNS_notification_is_unwrapped_and_handled()
    {
        var handled = new TaskCompletionSource<Echo>(TaskCreationOptions.RunContinuationsAsynchronously);
        Script.Behavior = (task, _) =>
        {
            handled.SetResult(task.Body);
            return Task.CompletedTask;
        };
        var host = CreateHost(settings: QueueSettings());
        await host.StartAsync(Cancellation);

        var inner = JsonSerializer.Serialize(new { taskId = "sns-1", type = "echo", body = new { text = "via SNS" } });
        var notification = JsonSerializer.Serialize(new
        {
            Type = "Notification",
            MessageId = Guid.NewGuid(),
            TopicArn = "arn:aws:sns:us-east-1:000000000000:worker-events.fifo",
            Message = inner,
            Timestamp = DateTimeOffset.UtcNow,
        });
        await Queues.SendRawAsync(notification);

        Assert.Equal("via SNS", (await handled.Task.WaitAsync(Patience, Cancellation)).Text);
    }
}
