using Amazon.SQS.Model;
using Workers.Cli.DeadLetters;
using Workers.Cli.Tests.Infrastructure;

namespace Workers.Cli.Tests;

public sealed class DlqRedriveTests : DeadLetterTest
{
    [Fact]
    public async Task Redrive_puts_a_fifo_dead_letter_queue_back_into_processing_each_task_once_in_group_order()
    {
        (string, string)[] tasks = [("store-1", "a-1"), ("store-2", "b-1"), ("store-1", "a-2"), ("store-2", "b-2"), ("store-1", "a-3")];
        await DeadLetterAsync(tasks);

        var run = await RunAsync("dlq", "redrive", "product");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Errors);
        Assert.Contains($"moved 5 message(s) from {Queues.Name}-dlq.fifo to {Queues.Name}.fifo:", run.OutputLines);
        Assert.Contains($"left in {Queues.Name}-dlq.fifo: 0 visible, 0 in flight.", run.OutputLines);
        Assert.All(tasks, t => Assert.Contains(run.OutputLines, line => line.Contains($" {t.Item2} ", StringComparison.Ordinal)));

        await ProcessAsync(tasks);
    }

    [Fact]
    public async Task An_interrupted_redrive_run_again_loses_nothing_and_doubles_nothing()
    {
        (string, string)[] tasks = [("store-1", "a-1"), ("store-1", "a-2"), ("store-1", "a-3"), ("store-1", "a-4"), ("store-1", "a-5")];
        await DeadLetterAsync(tasks);

        // Ctrl-C right after the second message moved.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        using var output = new SignallingWriter("moved 2/5", stop);
        using var errors = new StringWriter();
        var exitCode = await CliApplication.RunAsync(["dlq", "redrive", "product"], CliConsole.Create(output), CliConsole.Create(errors), Settings(), stop.Token);
        TestContext.Current.TestOutputHelper?.WriteLine(output.ToString() + errors);

        Assert.Equal(130, exitCode);
        Assert.Contains("interrupted after moving 2 message(s)", output.ToString(), StringComparison.Ordinal);
        Assert.Equal((3L, 0L), await CountsAsync(Queues.DeadLetterUrl));
        Assert.Equal((2L, 0L), await CountsAsync(Queues.QueueUrl));

        // Then a run that stops between sending the third message back and deleting it from the DLQ: its copy
        // is on the worker's queue and the message is still in the DLQ.
        await SendWithoutDeletingAsync();
        Assert.Equal((3L, 0L), await CountsAsync(Queues.DeadLetterUrl));

        var rerun = await RunAsync("dlq", "redrive", "product");

        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains($"moved 3 message(s) from {Queues.Name}-dlq.fifo to {Queues.Name}.fifo:", rerun.OutputLines);
        Assert.Equal((0L, 0L), await CountsAsync(Queues.DeadLetterUrl));

        // SQS dropped the second copy of the third message: five messages for five tasks.
        Assert.Equal((5L, 0L), await CountsAsync(Queues.QueueUrl));
        await ProcessAsync(tasks);
    }

    [Fact]
    public async Task Redrive_of_an_empty_dead_letter_queue_says_so_and_exits_0()
    {
        var run = await RunAsync("dlq", "redrive", "product");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"{Queues.Name}-dlq.fifo is empty: nothing to redrive."], run.OutputLines);
        Assert.Equal("", run.Errors);
    }

    [Fact]
    public async Task Redrive_max_moves_only_that_many_and_dry_run_moves_nothing()
    {
        await SendToDeadLetterQueueAsync("g", "t-1");
        await SendToDeadLetterQueueAsync("g", "t-2");
        await SendToDeadLetterQueueAsync("h", "t-3");

        var dry = await RunAsync("dlq", "redrive", "product", "--dry-run");

        Assert.Equal(0, dry.ExitCode);
        Assert.Contains($"dry run: would move 2 of 3 visible message(s) from {Queues.Name}-dlq.fifo to {Queues.Name}.fifo; nothing was moved.", dry.OutputLines);
        Assert.Contains(dry.OutputLines, line => line.Contains(" t-1 ", StringComparison.Ordinal));
        Assert.Equal((3L, 0L), await CountsAsync(Queues.DeadLetterUrl));
        Assert.Equal((0L, 0L), await CountsAsync(Queues.QueueUrl));

        var one = await RunAsync("dlq", "redrive", "product", "--max", "1");

        Assert.Equal(0, one.ExitCode);
        Assert.Contains($"moved 1 message(s) from {Queues.Name}-dlq.fifo to {Queues.Name}.fifo:", one.OutputLines);
        Assert.Equal((2L, 0L), await CountsAsync(Queues.DeadLetterUrl));
        Assert.Equal((1L, 0L), await CountsAsync(Queues.QueueUrl));
    }

    [Fact]
    public async Task An_endpoint_without_the_sqs_move_task_is_recognised_so_redrive_can_move_messages_itself()
    {
        // What the CLI tries first on AWS; fauxqs, like any endpoint that lacks it, answers InvalidAction.
        var moveTask = new MoveTaskRedrive(Stack.Sqs, new DeadLetterQueue("product", Queues.QueueUrl, Queues.DeadLetterUrl, IsFifo: true), TimeProvider.System);

        Assert.Null(await moveTask.StartAsync(Cancellation));
    }

    // What a redrive killed after its send and before its delete leaves: receives the DLQ's next message, sends
    // the CLI's copy of it (same group, same deduplication id), and lets the message reappear in the DLQ.
    private async Task SendWithoutDeletingAsync()
    {
        var message = Assert.Single(await Queues.ReceiveAsync(Queues.DeadLetterUrl, 1, Patience, delete: false));
        await Stack.Sqs.SendMessageAsync(
            new SendMessageRequest(Queues.QueueUrl, message.Body)
            {
                MessageGroupId = message.Attributes["MessageGroupId"],
                MessageDeduplicationId = RedriveDeduplication.For(message.MessageId),
            },
            Cancellation);
        await Stack.Sqs.ChangeMessageVisibilityAsync(Queues.DeadLetterUrl, message.ReceiptHandle, 0, Cancellation);
    }

    // Runs the fixed worker until it applied every task, then checks each was applied once, in group order, and
    // that nothing is left on either queue.
    private async Task ProcessAsync((string Group, string TaskId)[] tasks)
    {
        var warehouse = new Warehouse(down: false, expected: tasks.Length);
        var worker = await StartWorkerAsync(WithWarehouse(warehouse));
        await warehouse.AllApplied.WaitAsync(Patience, Cancellation);
        await StopWorkerAsync(worker);

        Assert.Equal(tasks.Length, warehouse.Applied.Count);
        foreach (var group in tasks.GroupBy(t => t.Group))
        {
            Assert.Equal(group.Select(t => t.TaskId), warehouse.Applied.Where(a => a.Group == group.Key).Select(a => a.TaskId));
        }

        Assert.Equal((0L, 0L), await CountsAsync(Queues.QueueUrl));
        Assert.Equal((0L, 0L), await CountsAsync(Queues.DeadLetterUrl));
    }
}
