using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;
using Workers.TaskManager.Tests.Infrastructure;

namespace Workers.TaskManager.Tests.Outbox;

public sealed class FollowUpTests : OutboxTest
{
    [Fact]
    public async Task A_chunk_that_throws_publishes_nothing_and_a_committed_chunk_publishes_its_follow_up_once()
    {
        Script.Behavior = async (task, ct) =>
        {
            await task.ProcessItemsAsync(task.Body.Items!, (chunk, _) =>
            {
                // No task id: a rolled-back chunk's row, had it been written, would be a row of its own.
                chunk.Enqueue("follow", TaskMessage.Create("followUp", new Echo($"chunk {chunk.Index} attempt {task.Info.Attempt}"), "g"));
                return task.Info.Attempt == 1 && chunk.Index == 1
                    ? throw new InvalidOperationException("chunk 1 fails on the first delivery, after enqueuing")
                    : Task.CompletedTask;
            }, ct);
        };
        var host = CreateSourceHost();
        var watch = await SubscribeAsync(host);
        await host.StartAsync(Cancellation);

        var published = await PublishAsync(host, "echo", new Echo("six items", Items: [.. Enumerable.Range(0, 6)]));
        await watch.UntilAsync(published.TaskId, t => t.State == TaskState.Succeeded);
        var followUps = await ReceiveFollowUpsAsync(2);

        Assert.Equal(["chunk 0 attempt 1", "chunk 1 attempt 2"], followUps.Select(BodyTextOf));
        await AssertNoMoreFollowUpsAsync();
        var rows = await SentOutboxAsync();
        Assert.Equal(followUps.Select(TaskIdOf), rows.Select(r => r.TaskId));
        Assert.All(rows, r => Assert.Equal(("test", "follow", 0), (r.SourceWorker, r.TargetWorker, r.Attempts)));
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
    }

    [Fact]
    public async Task A_transaction_step_publishes_its_follow_up_with_the_task_id_it_was_given()
    {
        Script.Behavior = async (task, ct) =>
            await task.TransactionAsync(_ =>
            {
                task.Enqueue("follow", TaskMessage.Create("followUp", new Echo("sale 17 needs a sync"), "store-1", taskId: "sync-17"));
                return Task.CompletedTask;
            }, ct);
        var host = CreateSourceHost();
        await host.StartAsync(Cancellation);

        await PublishAsync(host, "echo", new Echo("sale 17"));
        var followUp = Assert.Single(await ReceiveFollowUpsAsync(1));

        Assert.Equal("sync-17", TaskIdOf(followUp));
        Assert.Equal("store-1", followUp.Attributes["MessageGroupId"]);
    }

    [Fact]
    public async Task Enqueue_to_an_undeclared_target_or_task_type_or_outside_a_step_throws_at_the_call_and_writes_nothing()
    {
        var errors = new ConcurrentDictionary<string, Exception>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Script.Behavior = async (task, ct) =>
        {
            Capture("outside a step", () => task.Enqueue("follow", TaskMessage.Create("followUp", new Echo("x"), "g")));
            await task.TransactionAsync(_ =>
            {
                Capture("not in publishesTo", () => task.Enqueue("other", TaskMessage.Create("echo", new Echo("x"), "g")));
                Capture("undeclared task type", () => task.Enqueue("follow", TaskMessage.Create("echo", new Echo("x"), "g")));
                Capture("unknown worker", () => task.Enqueue("nobody", TaskMessage.Create("followUp", new Echo("x"), "g")));
                return Task.CompletedTask;
            }, ct);
            done.TrySetResult();
        };
        var host = CreateSourceHost();
        await host.StartAsync(Cancellation);

        await PublishAsync(host, "echo", new Echo("enqueue wrongly"));
        await done.Task.WaitAsync(Patience, Cancellation);

        Assert.Contains("inside a step", errors["outside a step"].Message, StringComparison.Ordinal);
        Assert.Contains("publishesTo", errors["not in publishesTo"].Message, StringComparison.Ordinal);
        Assert.Contains("does not handle task type 'echo'", errors["undeclared task type"].Message, StringComparison.Ordinal);
        Assert.Contains("no such worker", errors["unknown worker"].Message, StringComparison.Ordinal);
        Assert.All(errors.Values, e => Assert.IsType<InvalidOperationException>(e));
        Assert.Empty(await OutboxAsync());

        void Capture(string what, Action enqueue) => errors[what] = Assert.ThrowsAny<Exception>(enqueue);
    }

    [Fact]
    public async Task The_dispatcher_stops_after_the_consumer_so_the_last_chunks_follow_ups_are_published_at_shutdown()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Script.Behavior = async (task, ct) =>
        {
            running.TrySetResult();
            await release.Task.WaitAsync(ct);
            await task.TransactionAsync(_ =>
            {
                task.Enqueue("follow", TaskMessage.Create("followUp", new Echo("enqueued while draining"), "g"));
                return Task.CompletedTask;
            }, ct);
        };
        IHost host = CreateSourceHost(new Dictionary<string, string?> { ["TaskManager:Outbox:PollInterval"] = "00:10:00" });
        await host.StartAsync(Cancellation);
        await PublishAsync(host, "echo", new Echo("last task"));
        await running.Task.WaitAsync(Patience, Cancellation);

        var stopping = host.StopAsync(Cancellation);
        release.SetResult();
        await stopping;

        Assert.Equal("enqueued while draining", BodyTextOf(Assert.Single(await ReceiveFollowUpsAsync(1))));
    }
}
