using Workers.TaskManager.Persistence;
using Workers.TaskManager.Tests.Infrastructure;
using Workers.Testing;

namespace Workers.TaskManager.Tests;

public sealed class TimeoutTests : TaskManagerTest
{
    [Fact]
    public async Task A_handler_running_past_its_task_type_timeout_is_cancelled_and_the_task_retried()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Script.Behavior = async (task, ct) =>
        {
            if (task.Info.Attempt == 1)
            {
                await using var registration = ct.Register(cancelled.SetResult);
                await Task.Delay(Timeout.Infinite, ct);
            }
        };
        var host = CreateHost(Worker(new TestTaskType("echo", TimeoutSeconds: 1)), QueueSettings());
        var watch = await SubscribeAsync(host);
        await host.StartAsync(Cancellation);

        var published = await PublishAsync(host, "echo", new Echo("hangs once"));
        await cancelled.Task.WaitAsync(Patience, Cancellation);
        await watch.UntilAsync(published.TaskId, t => t.State == TaskState.Succeeded);

        var error = Assert.Single(await ErrorsAsync(published.TaskId));
        Assert.Equal("Timeout", error.Kind);
        Assert.Equal(typeof(TimeoutException).FullName, error.ExceptionType);
        Assert.Contains("00:00:01", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Script.Calls.Count);
    }
}
