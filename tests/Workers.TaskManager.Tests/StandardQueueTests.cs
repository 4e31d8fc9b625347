using Workers.TaskManager.Publishing;
using Workers.TaskManager.Tests.Infrastructure;

namespace Workers.TaskManager.Tests;

public sealed class StandardQueueTests : TaskManagerTest
{
    protected override bool Fifo => false;

    [Fact]
    public async Task A_standard_queue_is_consumed_with_messages_running_concurrently()
    {
        const int count = 12;
        var running = 0;
        var concurrent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = 0;
        Script.Behavior = async (_, ct) =>
        {
            // Two messages of the same "group" in flight at once: there is no ordering on a standard queue.
            if (Interlocked.Increment(ref running) >= 2)
            {
                concurrent.TrySetResult();
            }

            await concurrent.Task.WaitAsync(ct);
            Interlocked.Decrement(ref running);
            if (Interlocked.Increment(ref handled) == count)
            {
                done.SetResult();
            }
        };
        var host = CreateHost(settings: QueueSettings());
        await host.StartAsync(Cancellation);

        var published = await Publisher(host).PublishBatchAsync(
            "test",
            [.. Enumerable.Range(0, count).Select(i => TaskMessage.Create("echo", new Echo("std", i), "same-group"))],
            Cancellation);
        await done.Task.WaitAsync(Patience, Cancellation);

        Assert.All(published, p => Assert.Null(p.DeduplicationId));
        Assert.Equal(count, Script.Calls.Count);
        Assert.Empty(await Queues.ReceiveAsync(Queues.QueueUrl, 1, TimeSpan.FromSeconds(2)));
    }
}
