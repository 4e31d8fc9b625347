using System.Collections.Concurrent;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Workers.TaskManager.Consuming;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Tests.Units;

// The in-process half of FIFO ordering: what happens when one receive returns several messages of a group
// (AWS does; the local emulator never does, so these cases are driven directly).
public sealed class GroupSchedulerTests
{
    private readonly ConcurrentQueue<string> _processed = new();
    private readonly ConcurrentQueue<string> _released = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<TaskOutcome>> _gates = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _starts = new();
    private readonly ConcurrentDictionary<string, bool> _followersHeld = new();
    private readonly ConcurrentDictionary<string, ReceivedMessage> _messages = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Messages_of_a_group_received_together_run_one_after_another_in_order()
    {
        var scheduler = Scheduler(fifo: true);
        Schedule(scheduler, ("a1", "A"), ("a2", "A"), ("a3", "A"));

        await Started("a1");
        Assert.Equal(["a1"], _processed);
        Finish("a1", TaskOutcome.Succeeded);
        await Started("a2");
        Finish("a2", TaskOutcome.Succeeded);
        await Started("a3");
        Finish("a3", TaskOutcome.Succeeded);

        await Drained(scheduler);
        Assert.Equal(["a1", "a2", "a3"], _processed);
        Assert.Empty(_released);
    }

    [Fact]
    public async Task Different_groups_run_at_the_same_time()
    {
        var scheduler = Scheduler(fifo: true);
        Schedule(scheduler, ("a1", "A"), ("b1", "B"));

        // Both start while neither has finished.
        await Started("a1");
        await Started("b1");
        Finish("a1", TaskOutcome.Succeeded);
        Finish("b1", TaskOutcome.Succeeded);
        await Drained(scheduler);
    }

    [Fact]
    public async Task A_failed_message_sends_the_rest_of_its_group_back_so_nothing_overtakes_it()
    {
        var scheduler = Scheduler(fifo: true);
        Schedule(scheduler, ("a1", "A"), ("a2", "A"), ("a3", "A"), ("b1", "B"), ("b2", "B"));

        await Started("a1");
        Finish("a1", TaskOutcome.Failed);
        await Started("b1");
        Finish("b1", TaskOutcome.Succeeded);
        await Started("b2");
        Finish("b2", TaskOutcome.Succeeded);

        await Drained(scheduler);
        Assert.DoesNotContain("a2", _processed);
        Assert.DoesNotContain("a3", _processed);
        Assert.Equal(["a2", "a3"], _released.Order());
    }

    [Fact]
    public async Task A_failed_message_with_later_messages_of_its_group_held_is_retried_in_place_so_their_receives_are_not_spent()
    {
        var scheduler = Scheduler(fifo: true);
        Schedule(scheduler, ("a1", "A"), ("a2", "A"));
        await Started("a1");
        Assert.True(_followersHeld["a1"]);

        // The processor asks for a retry in place; the same delivery runs again after the delay.
        var first = Gate("a1");
        _gates["a1"] = new TaskCompletionSource<TaskOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        _starts["a1"] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        first.SetResult(TaskOutcome.RetryInPlace);
        await Started("a1");
        Finish("a1", TaskOutcome.Succeeded);
        await Started("a2");
        Assert.False(_followersHeld["a2"]);
        Finish("a2", TaskOutcome.Succeeded);

        await Drained(scheduler);
        Assert.Equal(["a1", "a1", "a2"], _processed);
        Assert.Empty(_released);
    }

    [Fact]
    public async Task Stopping_during_a_retry_in_place_returns_the_message_and_its_group_to_the_queue()
    {
        var scheduler = Scheduler(fifo: true);
        Schedule(scheduler, ("a1", "A"), ("a2", "A"));
        await Started("a1");
        var message = _messages["a1"];
        message.RetryDelay = TimeSpan.FromHours(1);
        Finish("a1", TaskOutcome.RetryInPlace);

        scheduler.StopRetryingInPlace();

        await scheduler.WhenIdle().WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
        Assert.Equal(["a1", "a2"], _released);
        Assert.Equal(["a1"], _processed);
    }

    [Fact]
    public async Task A_failed_message_received_again_before_its_group_finished_runs_instead_of_being_sent_back()
    {
        var scheduler = Scheduler(fifo: true);
        Schedule(scheduler, ("a1", "A"), ("a2", "A"));
        await Started("a1");

        // Handed back with no backoff, a1 is received again while its group is still winding down.
        Schedule(scheduler, ("a1-again", "A"));
        Finish("a1", TaskOutcome.Failed);
        await Started("a1-again");
        Finish("a1-again", TaskOutcome.Succeeded);

        await Drained(scheduler);
        Assert.Equal(["a2"], _released);
        Assert.Equal(["a1", "a1-again"], _processed);
    }

    [Fact]
    public async Task A_dead_lettered_message_leaves_its_group_free_to_continue()
    {
        var scheduler = Scheduler(fifo: true);
        Schedule(scheduler, ("a1", "A"), ("a2", "A"));

        await Started("a1");
        Finish("a1", TaskOutcome.DeadLettered);
        await Started("a2");
        Finish("a2", TaskOutcome.Succeeded);

        await Drained(scheduler);
        Assert.Empty(_released);
    }

    [Fact]
    public async Task Draining_returns_messages_that_have_not_started_and_waits_for_running_ones()
    {
        var scheduler = Scheduler(fifo: true);
        Schedule(scheduler, ("a1", "A"), ("a2", "A"));
        await Started("a1");

        Assert.Equal(1, scheduler.BeginDrain());
        Assert.Equal(["a2"], _released);
        Assert.False(scheduler.WhenIdle().IsCompleted);

        Finish("a1", TaskOutcome.Succeeded);
        await scheduler.WhenIdle().WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
        Assert.Equal(["a1"], _processed);
    }

    [Fact]
    public async Task On_a_standard_queue_messages_of_one_group_do_not_wait_for_each_other()
    {
        var scheduler = Scheduler(fifo: false);
        Schedule(scheduler, ("m1", "A"), ("m2", "A"));

        await Started("m1");
        await Started("m2");
        Finish("m1", TaskOutcome.Failed);
        Finish("m2", TaskOutcome.Succeeded);
        await Drained(scheduler);
        Assert.Empty(_released);
    }

    private GroupScheduler Scheduler(bool fifo)
    {
        var scheduler = new GroupScheduler(fifo, new ScriptedHandling(this), TimeProvider.System, NullLogger.Instance);
        scheduler.Start(CancellationToken.None);
        return scheduler;
    }

    // Each message's outcome is what the test finishes it with.
    private sealed class ScriptedHandling(GroupSchedulerTests test) : IMessageHandling
    {
        public Task<TaskOutcome> ProcessAsync(ReceivedMessage message, bool followersHeld, CancellationToken shutdown)
        {
            test._processed.Enqueue(message.MessageId);
            test._followersHeld[message.MessageId] = followersHeld;
            test.Start(message.MessageId).TrySetResult();
            return test.Gate(message.MessageId).Task;
        }

        public Task<TaskOutcome?> AwaitDependencyAsync(ReceivedMessage message, bool followersHeld, CancellationToken stopping) =>
            Task.FromResult<TaskOutcome?>(null);

        public void Release(ReceivedMessage message) => test._released.Enqueue(message.MessageId);
    }

    private void Schedule(GroupScheduler scheduler, params (string Id, string Group)[] messages)
    {
        foreach (var (id, group) in messages)
        {
            var message = new Message
            {
                MessageId = id,
                ReceiptHandle = "receipt-" + id,
                Body = "{}",
                Attributes = new() { ["MessageGroupId"] = group, ["ApproximateReceiveCount"] = "1" },
            };
            var received = new ReceivedMessage(message, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30));
            _messages[id] = received;
            scheduler.Schedule(received);
        }
    }

    private TaskCompletionSource<TaskOutcome> Gate(string id) =>
        _gates.GetOrAdd(id, _ => new TaskCompletionSource<TaskOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));

    private TaskCompletionSource Start(string id) =>
        _starts.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    // A message has started when the scheduler asked for its outcome.
    private Task Started(string id) => Start(id).Task.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);

    private void Finish(string id, TaskOutcome outcome) => Gate(id).SetResult(outcome);

    private static async Task Drained(GroupScheduler scheduler)
    {
        scheduler.BeginDrain();
        await scheduler.WhenIdle().WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
    }
}
