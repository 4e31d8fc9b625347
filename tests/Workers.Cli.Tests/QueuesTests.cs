using Amazon.SQS.Model;
using Workers.Cli.Tests.Infrastructure;

namespace Workers.Cli.Tests;

public sealed class QueuesTests : CliTest
{
    [Fact]
    public async Task Queues_shows_visible_in_flight_and_dead_letter_counts_of_each_worker_s_queues()
    {
        // Five messages in five groups (a FIFO receive takes one message per group), two of them received and
        // held, and three in the dead-letter queue.
        for (var i = 0; i < 5; i++)
        {
            await Queues.SendRawAsync("{}", groupId: $"g{i}");
        }

        Assert.Equal(2, (await Queues.ReceiveAsync(Queues.QueueUrl, 2, Patience, delete: false)).Count);
        for (var i = 0; i < 3; i++)
        {
            await Stack.Sqs.SendMessageAsync(
                new SendMessageRequest(Queues.DeadLetterUrl, "{}") { MessageGroupId = "g", MessageDeduplicationId = Guid.NewGuid().ToString("N") },
                Cancellation);
        }

        var run = await RunAsync("queues");

        Assert.Equal(0, run.ExitCode);
        var row = Row(run, Queues.Name + ".fifo");
        Assert.Equal(["product", Queues.Name + ".fifo", "3", "2", "0", Queues.Name + "-dlq.fifo", "3"], row);
    }

    [Fact]
    public async Task A_queue_that_does_not_exist_shows_not_found_instead_of_failing()
    {
        var settings = Settings();
        settings.Remove("Fleet:QueueUrls:product");

        var run = await WorkersCli.RunAsync(settings, "queues", "--env", "nowhere");

        Assert.Equal(0, run.ExitCode);
        var row = Row(run, "workers-nowhere-product.fifo");
        Assert.Equal(["product", "workers-nowhere-product.fifo", "not found", "", "", "workers-nowhere-product-dlq.fifo", ""], row);
    }

    [Fact]
    public async Task Queues_watch_prints_the_table_until_cancelled_and_then_exits_0()
    {
        var queue = Queues.Name + ".fifo";
        using var output = new SignallingWriter(queue);
        using var errors = new StringWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);

        var run = CliApplication.RunAsync(["queues", "--watch", "1"], CliConsole.Create(output), CliConsole.Create(errors), Settings(), stop.Token);
        await output.Seen.WaitAsync(Patience, Cancellation);
        await stop.CancelAsync();

        Assert.Equal(0, await run);
        Assert.Contains("(Ctrl-C to stop)", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("", errors.ToString());
    }

    // The cells of the table row that names the queue, without borders.
    private static string[] Row(CliRun run, string queue) =>
        [.. run.OutputLines.Single(line => line.Contains($" {queue} ", StringComparison.Ordinal))
            .Split('│', '|')
            .Select(cell => cell.Trim())
            .Skip(1)
            .SkipLast(1)];
}
