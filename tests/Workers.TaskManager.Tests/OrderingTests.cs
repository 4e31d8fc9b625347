using System.Collections.Concurrent;
using Workers.TaskManager.Publishing;
using Workers.TaskManager.Tests.Infrastructure;

namespace Workers.TaskManager.Tests;

public sealed class OrderingTests : TaskManagerTest
{
    [Fact]
    public async Task Messages_of_one_group_run_in_order_while_groups_run_in_parallel()
    {
        const int groups = 3, perGroup = 5;
        var allFirstsStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firsts = 0;
        var handled = 0;
        var order = new ConcurrentDictionary<string, ConcurrentQueue<int>>();
        var active = new ConcurrentDictionary<string, int>();
        var overlaps = 0;
        Script.Behavior = async (task, ct) =>
        {
            var group = task.Info.GroupId!;
            if (active.AddOrUpdate(group, 1, (_, n) => n + 1) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            order.GetOrAdd(group, _ => new ConcurrentQueue<int>()).Enqueue(task.Body.Sequence);
            if (task.Body.Sequence == 0)
            {
                // Every group's first message waits for the others' first: this only completes if groups run in parallel.
                if (Interlocked.Increment(ref firsts) == groups)
                {
                    allFirstsStarted.SetResult();
                }

                await allFirstsStarted.Task.WaitAsync(ct);
            }

            active.AddOrUpdate(group, 0, (_, n) => n - 1);
            if (Interlocked.Increment(ref handled) == groups * perGroup)
            {
                done.SetResult();
            }
        };
        var host = CreateHost(settings: QueueSettings());
        await host.StartAsync(Cancellation);

        var messages = Enumerable.Range(0, perGroup)
            .SelectMany(seq => Enumerable.Range(0, groups).Select(g => TaskMessage.Create("echo", new Echo($"g{g}", seq), $"group-{g}")))
            .ToList();
        await Publisher(host).PublishBatchAsync("test", messages, Cancellation);

        await done.Task.WaitAsync(Patience, Cancellation);
        Assert.Equal(0, overlaps);
        Assert.All(order.Values, sequence => Assert.Equal(Enumerable.Range(0, perGroup), sequence));
    }

    [Fact]
    public async Task A_failing_message_holds_back_its_group_while_other_groups_carry_on()
    {
        var calls = new ConcurrentQueue<string>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Script.Behavior = (task, _) =>
        {
            var name = $"{task.Body.Text}{task.Body.Sequence}";
            calls.Enqueue(name + (task.Info.Attempt > 1 ? " retry" : ""));
            if (name == "a1" && task.Info.Attempt == 1)
            {
                throw new InvalidOperationException("a1 fails once");
            }

            if (calls.Count == 7)
            {
                done.SetResult();
            }

            return Task.CompletedTask;
        };
        var settings = QueueSettings();
        settings["TaskManager:Retry:BaseDelay"] = "00:00:03";
        var host = CreateHost(settings: settings);
        await host.StartAsync(Cancellation);

        var messages = Enumerable.Range(1, 3).SelectMany(seq => new[]
        {
            TaskMessage.Create("echo", new Echo("a", seq), "A"),
            TaskMessage.Create("echo", new Echo("b", seq), "B"),
        }).ToList();
        await Publisher(host).PublishBatchAsync("test", messages, Cancellation);
        await done.Task.WaitAsync(Patience, Cancellation);

        var order = calls.ToList();
        Assert.Equal(["a1", "a1 retry", "a2", "a3"], order.Where(c => c.StartsWith('a')));
        Assert.Equal(["b1", "b2", "b3"], order.Where(c => c.StartsWith('b')));

        // Group B did not wait for A's backoff: all of it ran before a1 was retried.
        Assert.True(order.IndexOf("b3") < order.IndexOf("a1 retry"));
    }
}
