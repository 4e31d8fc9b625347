using System.Text.RegularExpressions;
using Workers.Cli.Tests.Infrastructure;

namespace Workers.Cli.Tests;

public sealed class TaskTests : CliTest
{
    [Fact]
    public async Task Task_shows_state_progress_failed_attempts_and_rejections()
    {
        await StartWorkerAsync();
        var enqueued = await RunAsync(
            "enqueue", "product", "updateStock", "--body",
            """{"failAttempts":1,"items":[{"sku":"s-1","quantity":1},{"sku":"s-2","quantity":2},{"sku":"s-3","quantity":-4},{"sku":"s-4","quantity":4},{"sku":"s-5","quantity":5}]}""");
        var taskId = enqueued.Value("task id");
        await FinishedAsync(taskId);

        var run = await RunAsync("task", taskId);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Errors);
        AssertLine(run, @"^state\s+Succeeded$");
        AssertLine(run, @"^worker\s+product$");
        AssertLine(run, @"^type\s+updateStock$");
        AssertLine(run, @"^group\s+updateStock$");
        AssertLine(run, @"^attempts\s+2$");
        AssertLine(run, @"^chunks\s+3/3$");
        AssertLine(run, @"^items\s+5/5 done, 1 rejected$");
        AssertLine(run, @"^last error\s+warehouse unavailable on attempt 1$");
        AssertLine(run, @"1 .* Exception .* System\.InvalidOperationException .* warehouse unavailable on attempt 1");
        AssertLine(run, @"s-3 .* quantity -4 is negative .* items/1");
        Assert.DoesNotContain("StockUpdateHandler.HandleAsync", run.Output, StringComparison.Ordinal);

        var verbose = await RunAsync("task", taskId, "--verbose");

        Assert.Equal(0, verbose.ExitCode);
        Assert.Contains("at Workers.Cli.Tests.Infrastructure.StockUpdateHandler.HandleAsync", verbose.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_with_an_unknown_id_says_so_in_one_line_and_exits_1()
    {
        var run = await RunAsync("task", "no-such-task");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: no task no-such-task recorded", Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Output);
    }

    private static void AssertLine(CliRun run, string pattern) =>
        Assert.Contains(run.OutputLines, line => Regex.IsMatch(line, pattern));
}
