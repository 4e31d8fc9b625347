using System.Globalization;
using Amazon.SQS.Model;
using Microsoft.Extensions.DependencyInjection;
using Workers.TaskManager;
using Workers.TaskManager.Persistence;

namespace Workers.Cli.Tests.Infrastructure;

// Base of the `dlq` tests: puts tasks in the dead-letter queue the way production does, and reads queue counts.
public abstract class DeadLetterTest : CliTest
{
    // Enqueues updateStock tasks (in the order given) while the warehouse is down, so each fails on every
    // attempt and ends in the dead-letter queue: moved by SQS after maxReceiveCount, or by the TaskManager itself
    // when it retried the task in place behind a held follower. Returns when all of them are there.
    protected Task DeadLetterAsync(params (string Group, string TaskId)[] tasks) =>
        DeadLetterAsync(WithWarehouse(new Warehouse(down: true)), [.. tasks.Select(t => (t.Group, t.TaskId, """{"items":[]}"""))]);

    // Enqueues updateStock tasks with the given bodies to a worker with `handlers`, and returns once every one
    // of them failed for good and is in the dead-letter queue.
    protected async Task DeadLetterAsync(Action<TaskManagerBuilder> handlers, IReadOnlyList<(string Group, string TaskId, string Body)> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var worker = await StartWorkerAsync(handlers, DeadLetteringWorker);
        foreach (var (group, taskId, body) in tasks)
        {
            var run = await RunAsync("enqueue", "product", "updateStock", "--group", group, "--task-id", taskId, "--body", body);
            Assert.Equal(0, run.ExitCode);
        }

        foreach (var (_, taskId, _) in tasks)
        {
            Assert.Equal(TaskState.DeadLettered, (await FinishedAsync(taskId)).Task.State);
        }

        await StopWorkerAsync(worker);

        // The last failure leaves a message visible with its receives used up; SQS (and fauxqs) moves it to the
        // DLQ on the next receive, which this one is. It returns nothing: every task has failed for good. Its
        // wait also outlasts the long polls the stopped worker abandoned: fauxqs still serves those, and one would
        // swallow a redriven message for a whole visibility timeout.
        Assert.Empty(await Queues.ReceiveAsync(Queues.QueueUrl, 1, TimeSpan.FromSeconds(1), delete: false));
        Assert.Equal((tasks.Count, 0L), await CountsAsync(Queues.DeadLetterUrl));
    }

    // Retries at once, and long polls of 1 s, which end (server side) within the 1 s receive that follows the stop.
    private static readonly Dictionary<string, string?> DeadLetteringWorker = new()
    {
        ["TaskManager:Retry:BaseDelay"] = "00:00:00",
        ["TaskManager:WaitTimeSeconds"] = "1",
    };

    // The product worker with updateStock handled against `warehouse` (csvStock as usual: the fleet declares both).
    protected static Action<TaskManagerBuilder> WithWarehouse(Warehouse warehouse) => tasks =>
    {
        tasks.Services.AddSingleton(warehouse);
        tasks.AddTask<StockUpdate, WarehouseStockHandler>("updateStock").AddTask<CsvStock, CsvStockHandler>("csvStock");
    };

    // SQS's visible and in-flight counts of a queue.
    protected async Task<(long Visible, long InFlight)> CountsAsync(string queueUrl)
    {
        var attributes = (await Stack.Sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest(queueUrl, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]),
            Cancellation)).Attributes;
        return (long.Parse(attributes["ApproximateNumberOfMessages"], CultureInfo.InvariantCulture),
            long.Parse(attributes["ApproximateNumberOfMessagesNotVisible"], CultureInfo.InvariantCulture));
    }

    // Sends a task envelope straight into the dead-letter queue (for tests about what is in it, not how it got there).
    protected Task SendToDeadLetterQueueAsync(string group, string taskId) =>
        Stack.Sqs.SendMessageAsync(
            new SendMessageRequest(Queues.DeadLetterUrl, $$$"""{"taskId":"{{{taskId}}}","type":"updateStock","body":{"items":[]}}""")
            {
                MessageGroupId = group,
                MessageDeduplicationId = taskId,
            },
            Cancellation);
}
