using System.Text.RegularExpressions;
using Workers.Cli.Tests.Infrastructure;

namespace Workers.Cli.Tests;

public sealed class EnqueueWaitTests : CliTest
{
    [Fact]
    public async Task Enqueue_wait_follows_the_task_to_success_prints_the_summary_and_exits_0()
    {
        await StartWorkerAsync();

        var run = await RunAsync(
            "enqueue", "product", "updateStock", "--wait", "--timeout", "60s", "--body",
            """{"items":[{"sku":"w-1","quantity":1},{"sku":"w-2","quantity":-5},{"sku":"w-3","quantity":3},{"sku":"w-4","quantity":4}]}""");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Errors);

        // Not a terminal: progress comes as plain lines, without escape codes, ending with the finished state.
        Assert.DoesNotContain("\u001b[", run.Output, StringComparison.Ordinal);
        AssertLine(run, @"^\[.+\] Succeeded · attempt 1 · 4/4 items · 2/2 chunks · 1 rejected$");
        AssertLine(run, @"^Succeeded\s+updateStock .+ on product$");
        AssertLine(run, @"^items applied\s+3$");
        AssertLine(run, @"^items rejected\s+1$");
        AssertLine(run, @"^w-2: quantity -5 is negative$");
        AssertLine(run, @"^wall clock\s+.+ from enqueue to finished, [\d.,]+ items/s$");
    }

    [Fact]
    public async Task Enqueue_wait_exits_1_with_the_reason_when_the_task_is_dead_lettered()
    {
        await StartWorkerAsync();

        var run = await RunAsync("enqueue", "product", "updateStock", "--wait", "--timeout", "60s", "--body", """{"items":[],"reject":"store 42 is closed"}""");

        Assert.Equal(1, run.ExitCode);
        AssertLine(run, @"^DeadLettered\s+updateStock .+ on product$");
        AssertLine(run, @"^reason\s+store 42 is closed$");
        AssertLine(run, @"^error\s+attempt 1 Rejected .+: store 42 is closed$");
    }

    [Fact]
    public async Task Enqueue_wait_exits_1_when_no_worker_finishes_the_task_in_time()
    {
        var run = await RunAsync("enqueue", "product", "updateStock", "--wait", "--timeout", "1s", "--body", """{"items":[]}""");

        Assert.Equal(1, run.ExitCode);
        var taskId = run.Value("task id");
        AssertLine(run, @"queued: waiting for a worker to pick it up$");
        AssertLine(run, $"^timed out after 1.0 s: task {taskId} is not picked up by any worker.");
    }

    [Fact]
    public async Task Enqueue_file_wait_runs_a_csv_import_with_the_counted_rows_as_its_total()
    {
        await StartWorkerAsync();
        var csv = Path.Combine(Path.GetTempPath(), $"stock-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(csv, ["sku,quantity", .. Enumerable.Range(0, 2500).Select(i => $"c-{i},{(i % 1000 == 999 ? -1 : i)}")], Cancellation);

        var run = await RunAsync("enqueue", "product", "csvStock", "--file", csv, "--wait", "--timeout", "60s");

        File.Delete(csv);
        Assert.Equal(0, run.ExitCode);
        AssertLine(run, @"^uploaded\s+s3://.+ \([\d,]+ bytes, 2,500 rows\)$");
        AssertLine(run, @"· 2,500/2,500 items · 3/3 chunks · 2 rejected$");
        AssertLine(run, @"^items applied\s+2,498$");
        AssertLine(run, @"^c-999: quantity -1 is negative$");
        await Stack.S3.DeleteObjectAsync(Stack.Bucket, $"uploads/product/{run.Value("task id")}/{Path.GetFileName(csv)}", Cancellation);
    }

    private static void AssertLine(CliRun run, string pattern) =>
        Assert.Contains(run.OutputLines, line => Regex.IsMatch(line, pattern));
}
