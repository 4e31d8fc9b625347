using Workers.TaskManager.Publishing;
using Workers.TaskManager.Tests.Infrastructure;

namespace Workers.TaskManager.Tests;

public sealed class PublisherTests : TaskManagerTest
{
    [Fact]
    public async Task A_batch_larger_than_ten_is_sent_whole_and_its_results_come_back_in_input_order()
    {
        var host = CreateHost(settings: QueueSettings());
        var messages = Enumerable.Range(0, 25).Select(i => TaskMessage.Create("echo", new Echo("item", i), $"g{i % 4}", taskId: $"task-{i}")).ToList();

        var published = await Publisher(host).PublishBatchAsync("test", messages, Cancellation);

        Assert.Equal(messages.Select(m => m.TaskId), published.Select(p => p.TaskId));
        Assert.Equal(25, published.Select(p => p.MessageId).Distinct().Count());
        Assert.Equal(25, (await Queues.ReceiveAsync(Queues.QueueUrl, 25, Patience)).Count);
    }

    [Fact]
    public async Task The_same_task_published_twice_is_delivered_once_because_its_deduplication_id_comes_from_its_content()
    {
        var host = CreateHost(settings: QueueSettings());

        var first = await PublishAsync(host, "echo", new Echo("add 5 to SKU-1"), group: "store-1");
        var second = await PublishAsync(host, "echo", new Echo("add 5 to SKU-1"), group: "store-1");
        var other = await PublishAsync(host, "echo", new Echo("add 5 to SKU-1"), group: "store-2");

        Assert.Equal(first.DeduplicationId, second.DeduplicationId);
        Assert.NotEqual(first.DeduplicationId, other.DeduplicationId);
        Assert.Equal(first.MessageId, second.MessageId);
        var delivered = await Queues.ReceiveAsync(Queues.QueueUrl, 3, TimeSpan.FromSeconds(5));
        Assert.Equal(2, delivered.Count);
    }

    [Fact]
    public async Task A_task_id_given_by_the_caller_is_the_idempotency_key()
    {
        var host = CreateHost(settings: QueueSettings());

        var first = await PublishAsync(host, "echo", new Echo("first try"), taskId: "order-1234-cancel");
        var retry = await PublishAsync(host, "echo", new Echo("client retried with a new timestamp"), taskId: "order-1234-cancel");

        Assert.Equal("order-1234-cancel", first.TaskId);
        Assert.Equal(first.DeduplicationId, retry.DeduplicationId);
        Assert.Single(await Queues.ReceiveAsync(Queues.QueueUrl, 2, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Entries_SQS_refuses_are_reported_together_after_the_rest_were_sent()
    {
        var host = CreateHost(settings: QueueSettings());
        TaskMessage[] messages =
        [
            TaskMessage.Create("echo", new Echo("fine"), "good-group"),
            TaskMessage.Create("echo", new Echo("refused"), groupId: ""),
            TaskMessage.Create("echo", new Echo("also fine"), "good-group"),
        ];

        var failure = await Assert.ThrowsAsync<TaskPublishException>(() => Publisher(host).PublishBatchAsync("test", messages, Cancellation));

        var refused = Assert.Single(failure.Failures);
        Assert.Equal(messages[1].TaskType, refused.TaskType);
        Assert.Equal(2, failure.Published.Count);
        Assert.Equal(2, (await Queues.ReceiveAsync(Queues.QueueUrl, 3, TimeSpan.FromSeconds(5))).Count);
    }
}
