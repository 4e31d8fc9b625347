using System.Collections.Concurrent;
using Workers.TaskManager.Publishing;
using Workers.TaskManager.Tests.Infrastructure;

namespace Workers.TaskManager.Tests;

public sealed class ShutdownTests : TaskManagerTest
{
    [Fact]
    public async Task Stopping_lets_running_handlers_finish_and_leaves_every_other_message_deliverable()
    {
        const int groups = 3, perGroup = 4;
        var started = new ConcurrentQueue<string>();
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var completed = new ConcurrentQueue<string>();
        Script.Behavior = async (task, _) =>
        {
            started.Enqueue(task.Info.MessageId);
            if (started.Count == groups)
            {
                allStarted.SetResult();
            }

            // Deliberately not cancellable: a drain must wait for it.
            await release.Task;
            completed.Enqueue(task.Info.MessageId);
        };
        var host = CreateHost(settings: QueueSettings());
        await host.StartAsync(Cancellation);
        var messages = Enumerable.Range(0, perGroup)
            .SelectMany(seq => Enumerable.Range(0, groups).Select(g => TaskMessage.Create("echo", new Echo($"g{g}", seq), $"group-{g}")))
            .ToList();
        await Publisher(host).PublishBatchAsync("test", messages, Cancellation);
        await allStarted.Task.WaitAsync(Patience, Cancellation);

        var stopping = host.StopAsync(Cancellation);
        Assert.False(stopping.IsCompleted);
        release.SetResult();
        await stopping;

        // Every message was either handled exactly once (and deleted) or is still in the queue, receivable at
        // once: nothing was stranded behind a visibility timeout (the queue's is 30 s, the receive's 20 s).
        Assert.True(completed.Count >= groups);
        Assert.Equal(completed.Count, completed.Distinct().Count());
        var rest = await Queues.ReceiveAsync(Queues.QueueUrl, groups * perGroup - completed.Count, TimeSpan.FromSeconds(10));
        Assert.Equal(groups * perGroup, completed.Count + rest.Count);
        Assert.Empty(rest.Select(m => m.MessageId).Intersect(completed));
        Assert.Empty(await Queues.ReceiveAsync(Queues.DeadLetterUrl, 1, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_handler_still_running_at_the_drain_timeout_is_cancelled_and_its_message_goes_back_to_the_queue()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Script.Behavior = async (_, ct) =>
        {
            started.SetResult();
            await using var registration = ct.Register(cancelled.SetResult);
            await Task.Delay(Timeout.Infinite, ct);
        };
        var settings = QueueSettings();
        settings["TaskManager:DrainTimeout"] = "00:00:01";
        settings["TaskManager:ReceiveVisibilityTimeout"] = "00:00:03";
        settings["TaskManager:HeartbeatInterval"] = "00:00:00.500";
        var host = CreateHost(settings: settings);
        await host.StartAsync(Cancellation);
        var published = await PublishAsync(host, "echo", new Echo("never finishes"));
        await started.Task.WaitAsync(Patience, Cancellation);

        await host.StopAsync(Cancellation);

        Assert.True(cancelled.Task.IsCompleted);
        // Back in the queue: released at once, or, when a receive aborted at the deadline took it on the SQS
        // side, after the 3 s receive visibility timeout rather than the queue's 30 s.
        var back = Assert.Single(await Queues.ReceiveAsync(Queues.QueueUrl, 1, TimeSpan.FromSeconds(20)));
        Assert.Equal(published.MessageId, back.MessageId);
        Assert.True(int.Parse(back.Attributes["ApproximateReceiveCount"], System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.Empty(await ErrorsAsync());
    }

    [Fact]
    public async Task Stopping_an_idle_worker_cancels_its_long_polls_instead_of_waiting_them_out()
    {
        var host = CreateHost(settings: QueueSettings());
        await host.StartAsync(Cancellation);

        // The pollers wait up to 20 s for messages; stopping must not take that long.
        await host.StopAsync(Cancellation).WaitAsync(TimeSpan.FromSeconds(10), Cancellation);
    }
}
