using Amazon.SQS.Model;
using Workers.Infra.Render;
using Workers.Infra.Tests.Publishing;
using Workers.Testing;

namespace Workers.Infra.Tests;

// Without a Docker engine, what the image would run is proved on its published form: each declared worker
// publishes (as its Dockerfile's build stage does), migrates, starts against the local stack, consumes (a poison
// message reaches its dead-letter queue), answers its container health check, and exits 0 on SIGTERM after
// draining, as ECS stops it. Data-driven over shared/fleet.json, so a newly declared worker is covered at once.
public sealed class PublishedWorkerTests
{
    public static TheoryData<string> Workers => [.. FleetRenderer.ReadFleet(RepositoryRoot.Path).Workers.Keys.Order(StringComparer.Ordinal)];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Workers))]
    public async Task Published_worker_migrates_consumes_answers_its_health_check_and_drains_on_SIGTERM(string name)
    {
        var worker = FleetRenderer.ReadFleet(RepositoryRoot.Path).Worker(name);
        var stack = await LocalStack.GetAsync();
        using var published = await PublishedWorker.PublishAsync(worker, Cancellation);
        await using var queues = await TestQueues.CreateAsync(stack.Sqs, $"pub-{name}");
        await using var database = await TestDatabase.CreateAsync(stack, [], _ => Task.CompletedTask);
        var healthFile = Path.Combine(Path.GetTempPath(), $"health-{Guid.NewGuid():N}.json");
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Workers"] = database.ConnectionString,
            ["TaskManager__QueueUrl"] = queues.QueueUrl,
            ["Fleet__Environment"] = "local",
            ["Health__FilePath"] = healthFile,
        };

        var (migrated, migrateOutput) = await WorkerProcess.RunAsync($"{name}-migrate", published.Dll, environment, WorkerProcess.DefaultPatience, "migrate");
        Assert.True(migrated == 0, $"migrate exited {migrated}:\n{migrateOutput}");

        await using var process = WorkerProcess.Start(name, published.Dll, environment);
        var healthWritten = HealthFileWritten(healthFile);
        await process.WaitForLineAsync(line => line.Contains("Consuming", StringComparison.Ordinal) && line.Contains(queues.Name, StringComparison.Ordinal));

        await stack.Sqs.SendMessageAsync(
            new SendMessageRequest(queues.QueueUrl, "not a task envelope") { MessageGroupId = "published", MessageDeduplicationId = Guid.NewGuid().ToString("N") },
            Cancellation);
        Assert.Equal("not a task envelope", await DeadLetteredBodyAsync(stack, queues.DeadLetterUrl));

        await healthWritten.WaitAsync(Cancellation);
        var (healthy, probeOutput) = await WorkerProcess.RunAsync($"{name}-healthcheck", published.Dll, environment, WorkerProcess.DefaultPatience, "healthcheck");
        Assert.True(healthy == 0, $"healthcheck exited {healthy}: {probeOutput}");

        var exitCode = await process.TerminateAsync();
        Assert.True(exitCode == 0, $"exit code {exitCode} after SIGTERM:\n{process.Output}");
        Assert.Contains("Consumer stopped", process.Output, StringComparison.Ordinal);
        if (Directory.Exists(published.NodeDirectory))
        {
            // The build servers ran from the published node/ (script and packages), not from the repository.
            Assert.Contains($"\"WorkDirectory\":\"{published.NodeDirectory}\"", process.Output, StringComparison.Ordinal);
        }

        File.Delete(healthFile);
    }

    // Long polls the dead-letter queue: each receive waits on SQS for up to 20 s, so nothing here sleeps.
    private static async Task<string> DeadLetteredBodyAsync(LocalStack stack, string deadLetterUrl)
    {
        while (true)
        {
            var received = await stack.Sqs.ReceiveMessageAsync(
                new ReceiveMessageRequest(deadLetterUrl) { WaitTimeSeconds = 20, MaxNumberOfMessages = 1, MessageSystemAttributeNames = ["All"], MessageAttributeNames = ["All"] },
                Cancellation);
            if (received.Messages is [var message, ..])
            {
                return message.Body;
            }
        }
    }

    // Completes when the host first writes its health file (written to a temporary name, then renamed).
    private static Task HealthFileWritten(string path)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path)) { EnableRaisingEvents = true };
        watcher.Renamed += (_, _) => written.TrySetResult();
        watcher.Created += (_, _) => written.TrySetResult();
        if (File.Exists(path))
        {
            written.TrySetResult();
        }

        return written.Task.ContinueWith(_ => watcher.Dispose(), TaskScheduler.Default);
    }
}
