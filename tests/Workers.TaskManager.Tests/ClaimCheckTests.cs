using Workers.TaskManager.Tests.Infrastructure;

namespace Workers.TaskManager.Tests;

public sealed class ClaimCheckTests : TaskManagerTest
{
    [Fact]
    public async Task A_body_over_the_threshold_travels_through_S3_and_reaches_the_handler_whole()
    {
        var (host, handled) = await StartWithLowThresholdAsync();
        var large = new Echo(string.Concat(Enumerable.Repeat("stock-level;", 2000)), 7, [.. Enumerable.Range(0, 500)]);

        var published = await PublishAsync(host, "echo", large);

        Assert.NotNull(published.ClaimCheck);
        Assert.StartsWith("claim-checks/test/", published.ClaimCheck.Key, StringComparison.Ordinal);
        var stored = await Stack.S3.GetObjectMetadataAsync(published.ClaimCheck.Bucket, published.ClaimCheck.Key, Cancellation);
        Assert.Equal(published.ClaimCheck.Size, stored.ContentLength);
        var body = await handled.Task.WaitAsync(Patience, Cancellation);
        Assert.Equal(large.Text, body.Text);
        Assert.Equal(large.Items, body.Items);
    }

    [Fact]
    public async Task A_task_id_with_path_characters_still_makes_a_claim_check_its_worker_accepts()
    {
        var (host, handled) = await StartWithLowThresholdAsync();
        var large = new Echo(string.Concat(Enumerable.Repeat("stock-level;", 200)));

        var published = await PublishAsync(host, "echo", large, taskId: $"../../product/{Guid.NewGuid():N} %2e%2e");

        Assert.StartsWith("claim-checks/test/", published.ClaimCheck!.Key, StringComparison.Ordinal);
        Assert.Equal(large.Text, (await handled.Task.WaitAsync(Patience, Cancellation)).Text);
    }

    [Fact]
    public async Task A_body_under_the_threshold_travels_inside_the_message()
    {
        var host = CreateHost(settings: QueueSettings());

        var published = await PublishAsync(host, "echo", new Echo("small"));

        Assert.Null(published.ClaimCheck);
        var message = Assert.Single(await Queues.ReceiveAsync(Queues.QueueUrl, 1, Patience));
        Assert.Contains("\"body\":{\"text\":\"small\"", message.Body, StringComparison.Ordinal);
    }

    // A worker that claim-checks bodies over 1 KiB, and the body its handler receives.
    private async Task<(Microsoft.Extensions.Hosting.IHost Host, TaskCompletionSource<Echo> Handled)> StartWithLowThresholdAsync()
    {
        var handled = new TaskCompletionSource<Echo>(TaskCreationOptions.RunContinuationsAsynchronously);
        Script.Behavior = (task, _) =>
        {
            handled.SetResult(task.Body);
            return Task.CompletedTask;
        };
        var settings = QueueSettings();
        settings["ClaimCheck:ThresholdBytes"] = "1024";
        var host = CreateHost(settings: settings);
        await host.StartAsync(Cancellation);
        return (host, handled);
    }
}
