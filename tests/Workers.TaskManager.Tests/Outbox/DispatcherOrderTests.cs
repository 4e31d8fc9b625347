using Workers.TaskManager.Outbox;
using Workers.TaskManager.Persistence.Tables;

namespace Workers.TaskManager.Tests.Outbox;

public sealed class DispatcherOrderTests : OutboxTest
{
    [Fact]
    public async Task Two_dispatchers_of_one_worker_publish_a_group_in_the_order_it_was_enqueued()
    {
        const int count = 120;
        var entries = Enumerable.Range(0, count)
            .Select(i => new OutboxEntry($"order-{i:000}", "follow", "followUp", "one-group", $$"""{"text":"{{i}}"}""", null, null))
            .ToList();

        // Small batches, so the two dispatchers take turns many times while the rows are published.
        var settings = new Dictionary<string, string?> { ["TaskManager:Outbox:BatchSize"] = "3" };
        var first = CreateSourceHost(settings);
        var second = CreateSourceHost(settings);
        await Task.WhenAll(first.StartAsync(Cancellation), second.StartAsync(Cancellation));
        await using (var connection = await OpenAsync())
        await using (var insert = OutboxTable.Insert(connection, null, "test", entries))
        {
            await insert.ExecuteNonQueryAsync(Cancellation);
        }

        var received = await ReceiveFollowUpsAsync(count);

        Assert.Equal(entries.Select(e => e.TaskId), received.Select(TaskIdOf));
        Assert.All(await SentOutboxAsync(), r => Assert.NotNull(r.SentAt));
    }
}
