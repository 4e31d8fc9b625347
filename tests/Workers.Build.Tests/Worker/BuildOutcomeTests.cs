using System.Text.Json;
using Workers.Build.Builds;
using Workers.Build.Data;
using Workers.Build.Tests.Infrastructure;
using Workers.TaskManager.Persistence;

namespace Workers.Build.Tests.Worker;

// How the worker turns each kind of build outcome into a record, and which ones it retries. The pool runs the
// fake build server, so each outcome is chosen by the source.
public sealed class BuildOutcomeTests : BuildWorkerTest
{
    [Fact]
    public async Task A_successful_build_stores_its_bundle_content_addressed_and_records_where_it_is()
    {
        StartWorker();
        var (task, build) = await BuildAsync("hello");

        Assert.Equal(TaskState.Succeeded, task.Task.State);
        Assert.Equal(BuildStatus.Succeeded, build.Status);
        var bundle = await BundleAsync(build);
        Assert.Contains("\"hello\"", bundle, StringComparison.Ordinal);
        Assert.Equal($"bundles/{BuildCacheKey.Sha256(System.Text.Encoding.UTF8.GetBytes(bundle))}.js", build.BundleKey);
        Assert.Equal((long)System.Text.Encoding.UTF8.GetByteCount(bundle), build.BundleBytes);
        Assert.NotNull(build.ProcessId);
        Assert.NotNull(build.TotalMs);
        var result = JsonDocument.Parse(build.Result!).RootElement;
        Assert.True(result.GetProperty("success").GetBoolean());
        Assert.Equal("jsBundle", result.GetProperty("artifact").GetProperty("type").GetString());
        Assert.Equal($"s3://{build.BundleBucket}/{build.BundleKey}", result.GetProperty("artifact").GetProperty("location").GetString());
        Assert.Equal(build.ProcessId, result.GetProperty("buildInfo").GetProperty("processId").GetInt32());
    }

    [Fact]
    public async Task A_syntax_error_is_a_failed_build_with_line_and_column_not_a_retry()
    {
        StartWorker();
        var (task, build) = await BuildAsync("syntax");

        Assert.Equal((TaskState.Succeeded, 1), (task.Task.State, task.Task.Attempts));
        Assert.Equal((BuildStatus.Failed, BuildErrorTypes.Build), (build.Status, build.ErrorType));
        Assert.Contains("Expected", build.ErrorMessage, StringComparison.Ordinal);
        var detail = JsonDocument.Parse(build.Details!).RootElement[0];
        Assert.Equal((3, 10), (detail.GetProperty("line").GetInt32(), detail.GetProperty("column").GetInt32()));
        Assert.Null(build.BundleKey);
    }

    [Fact]
    public async Task A_validation_error_is_a_failed_build_record_not_retried_and_not_dead_lettered()
    {
        StartWorker();
        var (task, build) = await BuildAsync("forbidden");

        Assert.Equal((TaskState.Succeeded, 1), (task.Task.State, task.Task.Attempts));
        Assert.Empty(task.Errors);
        Assert.Equal((BuildStatus.Failed, BuildErrorTypes.Validation), (build.Status, build.ErrorType));
        var deadLetters = await Stack.Sqs.GetQueueAttributesAsync(Queues.DeadLetterUrl, ["ApproximateNumberOfMessages"], Cancellation);
        Assert.Equal(0, deadLetters.ApproximateNumberOfMessages);
    }

    [Fact]
    public async Task A_source_over_the_limit_fails_validation_without_reaching_the_bundler()
    {
        var worker = StartWorker(new Dictionary<string, string?> { ["Build__MaxSourceBytes"] = "1024" });
        var (task, build) = await BuildAsync(new string('x', 2000));

        Assert.Equal(TaskState.Succeeded, task.Task.State);
        Assert.Equal((BuildStatus.Failed, BuildErrorTypes.Validation, 2000L), (build.Status, build.ErrorType, build.SourceBytes));
        Assert.Contains("Build:MaxSourceBytes", build.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("build started", worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bundle_over_the_output_limit_fails_validation_and_is_not_stored()
    {
        StartWorker(new Dictionary<string, string?> { ["Build__MaxOutputBytes"] = "2048" });
        var (_, build) = await BuildAsync("big:5000");

        Assert.Equal((BuildStatus.Failed, BuildErrorTypes.Validation), (build.Status, build.ErrorType));
        Assert.Contains("Build:MaxOutputBytes", build.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(build.BundleKey);
    }

    [Fact]
    public async Task A_build_that_hangs_is_a_failed_build_with_TIMEOUT_and_its_process_is_replaced()
    {
        var worker = StartWorker(new Dictionary<string, string?> { ["BuildPool__BuildTimeout"] = "00:00:01" });
        var (task, build) = await BuildAsync("hang");

        Assert.Equal((TaskState.Succeeded, 1), (task.Task.State, task.Task.Attempts));
        Assert.Equal((BuildStatus.Failed, BuildErrorTypes.Timeout), (build.Status, build.ErrorType));
        await worker.WaitForLineAsync("retired: build ran past 1 s");
        var (_, next) = await BuildAsync("after the hang");
        Assert.Equal(BuildStatus.Succeeded, next.Status);
        Assert.NotEqual(build.ProcessId, next.ProcessId);
    }

    [Fact]
    public async Task A_build_server_answering_outside_the_protocol_is_retried_by_the_task_manager_and_the_build_completes()
    {
        StartWorker();
        var marker = Path.Combine(TempDirectory, "answered-oddly");
        var (task, build) = await BuildAsync($"odd-once:{marker}");

        Assert.True(File.Exists(marker));
        Assert.Equal((TaskState.Succeeded, 2), (task.Task.State, task.Task.Attempts));
        Assert.Contains(task.Errors, e => e.Message.Contains("The build server answered INTERNAL_ERROR", StringComparison.Ordinal));
        Assert.Equal((BuildStatus.Succeeded, 2), (build.Status, build.Attempts));
    }

    [Fact]
    public async Task The_worker_refuses_to_start_when_the_build_server_is_missing_and_says_how_to_fix_it()
    {
        var empty = Path.Combine(TempDirectory, "no-server");
        Directory.CreateDirectory(empty);
        var worker = StartWorker(new Dictionary<string, string?> { ["BuildPool__WorkDirectory"] = empty });

        var exitCode = await worker.WaitForExitAsync(Patience);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("fake-build-server.mjs does not exist", worker.Output, StringComparison.Ordinal);
        Assert.Contains("BuildPool:WorkDirectory", worker.Output, StringComparison.Ordinal);
    }
}
