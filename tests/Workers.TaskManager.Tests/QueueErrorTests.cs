using Amazon.SQS.Model;
using Workers.Testing;

namespace Workers.TaskManager.Tests;

// A queue the worker cannot use is a configuration error: the worker says what to fix in one line and exits 1
// instead of retrying for ever. Run on the product worker's real process, as its container runs it.
public sealed class QueueErrorTests() : WorkerProcessTest("product", "Workers.Product")
{
    protected override TestMigrations Migrations => Infrastructure.Migrations.Template;

    [Fact]
    public async Task A_worker_whose_queue_is_deleted_under_it_stops_with_one_fatal_line_and_exit_code_1()
    {
        // A queue of this test's own, so the test's queues are still there to remove when it ends.
        var name = $"t-deleted-{Guid.NewGuid():N}.fifo";
        var queueUrl = (await Stack.Sqs.CreateQueueAsync(
            new CreateQueueRequest(name) { Attributes = new() { ["FifoQueue"] = "true", ["ContentBasedDeduplication"] = "true" } },
            Cancellation)).QueueUrl;
        var worker = StartWorker(new Dictionary<string, string?>
        {
            ["TaskManager__QueueUrl"] = queueUrl,
            ["TaskManager__WaitTimeSeconds"] = "1",
        });
        await worker.WaitForLineAsync($"Consuming {queueUrl}");

        await Stack.Sqs.DeleteQueueAsync(queueUrl, Cancellation);

        Assert.Equal(1, await worker.WaitForExitAsync());
        AssertOneFatalLine(worker.Output, queueUrl);
    }

    [Fact]
    public async Task A_worker_pointed_at_a_queue_that_does_not_exist_stops_with_one_fatal_line_and_exit_code_1()
    {
        var queueUrl = Queues.QueueUrl.Replace(Queues.Name, $"t-missing-{Guid.NewGuid():N}", StringComparison.Ordinal);
        var worker = StartWorker(new Dictionary<string, string?> { ["TaskManager__QueueUrl"] = queueUrl });

        Assert.Equal(1, await worker.WaitForExitAsync());
        AssertOneFatalLine(worker.Output, queueUrl);
    }

    private static void AssertOneFatalLine(string output, string queueUrl)
    {
        var lines = output.Split(Environment.NewLine);
        // One fatal line. The health check's own report of the stopped consumer may quote it while the host stops
        // (the outbox dispatcher stops after the consumer, so a health poll can fall in between); that is not a retry.
        var fatal = Assert.Single(lines, l => l.Contains(" FTL] ", StringComparison.Ordinal) && l.Contains($"Cannot receive from {queueUrl}", StringComparison.Ordinal));
        Assert.Contains("the queue does not exist", fatal, StringComparison.Ordinal);
        Assert.Contains("TaskManager:QueueUrl", fatal, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("trying again", StringComparison.Ordinal));
    }
}
