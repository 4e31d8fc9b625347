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
}
