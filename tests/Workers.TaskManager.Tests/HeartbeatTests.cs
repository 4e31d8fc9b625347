using Workers.TaskManager.Telemetry;
using Workers.TaskManager.Tests.Infrastructure;

namespace Workers.TaskManager.Tests;

public sealed class HeartbeatTests : TaskManagerTest
{
    protected override int QueueVisibilityTimeoutSeconds => 2;

    [Fact]
    public async Task A_handler_running_longer_than_the_visibility_timeout_keeps_its_message_invisible()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Script.Behavior = async (_, ct) =>
        {
            await release.Task.WaitAsync(ct);
            finished.SetResult();
        };
        var settings = QueueSettings();
        settings["TaskManager:VisibilityTimeout"] = "00:00:02";
        settings["TaskManager:HeartbeatInterval"] = "00:00:00.250";
        var host = CreateHost(settings: settings);
        using var heartbeats = new MeasurementCounter(host, TaskManagerMetrics.HeartbeatsName);
        using var received = new MeasurementCounter(host, "workers.messages.received");
        await host.StartAsync(Cancellation);

        await PublishAsync(host, "echo", new Echo("slow"));

        // Each extension grants 2 s from when it is made; four of them span well past the first 2 s.
        await heartbeats.AtLeastAsync(4).WaitAsync(Patience, Cancellation);
        release.SetResult();
        await finished.Task.WaitAsync(Patience, Cancellation);
        await host.StopAsync(Cancellation);

        Assert.Single(Script.Calls);
        Assert.Equal(1, received.Total);
        Assert.Empty(await Queues.ReceiveAsync(Queues.QueueUrl, 1, TimeSpan.FromSeconds(3)));
    }
}
