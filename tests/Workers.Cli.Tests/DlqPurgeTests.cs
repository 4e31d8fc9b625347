using Workers.Cli.Tests.Infrastructure;

namespace Workers.Cli.Tests;

public sealed class DlqPurgeTests : DeadLetterTest
{
    [Fact]
    public async Task Purge_without_a_terminal_refuses_unless_told_yes_and_then_empties_the_queue()
    {
        await SendToDeadLetterQueueAsync("g", "t-1");
        await SendToDeadLetterQueueAsync("h", "t-2");

        var refused = await RunAsync("dlq", "purge", "product");

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(
            $"error: purging deletes the 2 message(s) in {Queues.Name}-dlq.fifo for good; there is no terminal to confirm on, so pass --yes.",
            Assert.Single(refused.ErrorLines));
        Assert.Equal((2L, 0L), await CountsAsync(Queues.DeadLetterUrl));

        var purged = await RunAsync("dlq", "purge", "product", "--yes");

        Assert.Equal(0, purged.ExitCode);
        Assert.Contains($"purged {Queues.Name}-dlq.fifo: 2 message(s) deleted (SQS can take up to a minute to finish).", purged.OutputLines);
        Assert.Equal((0L, 0L), await CountsAsync(Queues.DeadLetterUrl));
    }

    [Fact]
    public async Task List_shows_each_worker_s_dead_letter_queue_with_visible_and_in_flight_messages()
    {
        await SendToDeadLetterQueueAsync("g", "t-1");
        await SendToDeadLetterQueueAsync("h", "t-2");

        var run = await RunAsync("dlq", "list");

        Assert.Equal(0, run.ExitCode);
        var row = run.OutputLines.Single(line => line.Contains($" {Queues.Name}-dlq.fifo ", StringComparison.Ordinal))
            .Split('│', '|').Select(cell => cell.Trim()).Skip(1).SkipLast(1);
        Assert.Equal(["product", $"{Queues.Name}-dlq.fifo", "2", "0"], row);
    }

    [Fact]
    public async Task Dlq_commands_name_an_unknown_worker_as_a_usage_error()
    {
        var run = await RunAsync("dlq", "redrive", "nope");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: unknown worker 'nope'; the fleet declares: {DeclaredWorkers}. See 'workers dlq redrive --help'.", Assert.Single(run.ErrorLines));
    }

    // Every worker of shared/fleet.json, in the order the CLI lists them.
    private static string DeclaredWorkers => string.Join(", ", Workers.Fleet.FleetDeclaration.Current.Workers.Keys.Order(StringComparer.Ordinal));
}
