using Workers.TaskManager.Outbox;
using Workers.TaskManager.Publishing;
using Workers.TaskManager.Tests.Infrastructure;

namespace Workers.TaskManager.Tests.Outbox;

// Code outside a worker (an HTTP entry point, the CLI) enqueues in its own transaction; the target's dispatcher
// ("follow" here) publishes the row.
public sealed class TaskOutboxTests : OutboxTest
{
    // Ten minutes between polls: anything published sooner was woken by NOTIFY or by its due time.
    private static readonly Dictionary<string, string?> SlowPoll = new() { ["TaskManager:Outbox:PollInterval"] = "00:10:00" };

    [Fact]
    public async Task A_rolled_back_transaction_enqueues_nothing_and_a_committed_one_is_published_on_its_notify()
    {
        await CreateFollowHost(SlowPoll).StartAsync(Cancellation);
        await using var connection = await OpenAsync();

        await using (var rolledBack = await connection.BeginTransactionAsync(Cancellation))
        {
            await TaskOutbox.EnqueueAsync(connection, rolledBack, OutboxFleet.Declaration, "follow", FollowUp("rolled back"), cancellationToken: Cancellation);
            await rolledBack.RollbackAsync(Cancellation);
        }

        string committedId;
        await using (var committed = await connection.BeginTransactionAsync(Cancellation))
        {
            committedId = await TaskOutbox.EnqueueAsync(connection, committed, OutboxFleet.Declaration, "follow", FollowUp("committed"), cancellationToken: Cancellation);
            await committed.CommitAsync(Cancellation);
        }

        var followUp = Assert.Single(await ReceiveFollowUpsAsync(1));
        Assert.Equal((committedId, "committed"), (TaskIdOf(followUp), BodyTextOf(followUp)));
        var row = Assert.Single(await SentOutboxAsync());
        Assert.Null(row.SourceWorker);
        Assert.NotNull(row.SentAt);
    }

    [Fact]
    public async Task A_row_carries_the_trace_of_the_operation_that_enqueued_it_to_the_published_message()
    {
        await CreateFollowHost(SlowPoll).StartAsync(Cancellation);
        await using var connection = await OpenAsync();

        // The HTTP request (or CLI command) that enqueued the task; it has ended long before the row is published.
        string traceId;
        using (var request = new System.Diagnostics.Activity("POST /orders").SetIdFormat(System.Diagnostics.ActivityIdFormat.W3C).Start())
        {
            traceId = request.TraceId.ToHexString();
            await TaskOutbox.EnqueueAsync(connection, null, OutboxFleet.Declaration, "follow", FollowUp("traced"), cancellationToken: Cancellation);
        }

        var followUp = Assert.Single(await ReceiveFollowUpsAsync(1));
        var traceParent = System.Text.Json.JsonDocument.Parse(followUp.Body).RootElement.GetProperty("traceparent").GetString();
        Assert.Equal(traceId, traceParent!.Split('-')[1]);
        Assert.StartsWith($"00-{traceId}-", Assert.Single(await OutboxAsync()).TraceParent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_due_later_is_published_when_due_and_not_before()
    {
        await CreateFollowHost(SlowPoll).StartAsync(Cancellation);
        await using var connection = await OpenAsync();
        var dueAt = DateTimeOffset.UtcNow.AddSeconds(4);

        await TaskOutbox.EnqueueAsync(connection, null, OutboxFleet.Declaration, "follow", FollowUp("later"), dueAt, Cancellation);
        var followUp = Assert.Single(await ReceiveFollowUpsAsync(1));

        var sentTimestamp = long.Parse(followUp.Attributes["SentTimestamp"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(DateTimeOffset.FromUnixTimeMilliseconds(sentTimestamp) >= dueAt.AddMilliseconds(-1), $"sent at {sentTimestamp}, due at {dueAt.ToUnixTimeMilliseconds()}");
        var row = Assert.Single(await SentOutboxAsync());
        Assert.True(row.SentAt >= row.DueAt, $"sent at {row.SentAt:O}, due at {row.DueAt:O}");
    }

    [Fact]
    public async Task A_pending_row_can_be_cancelled_once_and_a_sent_one_cannot()
    {
        await CreateFollowHost(SlowPoll).StartAsync(Cancellation);
        await using var connection = await OpenAsync();
        await TaskOutbox.EnqueueAsync(connection, null, OutboxFleet.Declaration, "follow", FollowUp("deadline", "payment-deadline-1"), DateTimeOffset.UtcNow.AddHours(1), Cancellation);
        await TaskOutbox.EnqueueAsync(connection, null, OutboxFleet.Declaration, "follow", FollowUp("now", "sent-now"), cancellationToken: Cancellation);
        Assert.Equal("sent-now", TaskIdOf(Assert.Single(await ReceiveFollowUpsAsync(1))));

        Assert.True(await TaskOutbox.CancelAsync(connection, null, "payment-deadline-1", Cancellation));
        Assert.False(await TaskOutbox.CancelAsync(connection, null, "payment-deadline-1", Cancellation));
        Assert.False(await TaskOutbox.CancelAsync(connection, null, "sent-now", Cancellation));
        Assert.Equal(["sent-now"], (await OutboxAsync()).Select(r => r.TaskId));
    }

    [Fact]
    public async Task Enqueueing_a_task_type_the_target_does_not_declare_throws_and_writes_nothing()
    {
        await using var connection = await OpenAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TaskOutbox.EnqueueAsync(connection, null, OutboxFleet.Declaration, "follow", TaskMessage.Create("updateStock", new Echo("x"), "g"), cancellationToken: Cancellation));
        Assert.Empty(await OutboxAsync());
    }

    private static TaskMessage FollowUp(string text, string? taskId = null) => TaskMessage.Create("followUp", new Echo(text), "g", taskId);
}
