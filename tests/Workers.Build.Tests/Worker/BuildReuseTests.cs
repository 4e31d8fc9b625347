using Workers.Build.Builds;
using Workers.Build.Data;
using Workers.Build.Tests.Infrastructure;
using Workers.TaskManager.Persistence;

namespace Workers.Build.Tests.Worker;

// The build cache (same source, options and toolchain → the earlier bundle) and idempotency under
// at-least-once delivery (same build id twice → one record, one bundle).
public sealed class BuildReuseTests : BuildWorkerTest
{
    // One build server, so a second bundler run would say "build 2" in its bundle and hash differently.
    private static readonly Dictionary<string, string?> OneProcess = new()
    {
        ["BuildPool__MinProcesses"] = "1",
        ["BuildPool__MaxProcesses"] = "1",
    };

    [Fact]
    public async Task A_build_matching_an_earlier_success_reuses_its_bundle_without_running_the_bundler()
    {
        StartWorker(OneProcess);
        var (_, first) = await BuildAsync("same component");
        var (_, second) = await BuildAsync("same component");

        Assert.Equal(BuildStatus.Succeeded, second.Status);
        Assert.True(second.CacheHit);
        Assert.False(first.CacheHit);
        Assert.Equal(first.CacheKey, second.CacheKey);
        Assert.Equal(first.BundleKey, second.BundleKey);
        Assert.Null(second.ProcessId);
        Assert.Contains("build 1 */", await BundleAsync(second), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_options_are_another_build()
    {
        StartWorker(OneProcess);
        var (_, esbuild) = await BuildAsync("same component");
        var (_, other) = await BuildAsync("same component", new BuildSettings(Dependencies: ["clsx"]));

        Assert.False(other.CacheHit);
        Assert.NotEqual(esbuild.CacheKey, other.CacheKey);
        Assert.Contains("build 2 */", await BundleAsync(other), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_build_id_delivered_twice_makes_one_record_and_one_bundle()
    {
        var worker = StartWorker(OneProcess);
        var buildId = NewBuildId();
        var body = new BuildBody(buildId, "delivered twice");

        // Two task ids, so SQS's content-based deduplication does not swallow the second message.
        var firstTask = await PublishAsync(body, taskId: $"{buildId}-1");
        var first = await WaitUntilFinishedAsync(firstTask);
        var secondTask = await PublishAsync(body, taskId: $"{buildId}-2");
        var second = await WaitUntilFinishedAsync(secondTask);

        Assert.Equal((TaskState.Succeeded, TaskState.Succeeded), (first.Task.State, second.Task.State));
        Assert.Equal(1, await RecordCountAsync());
        var record = await RecordAsync(buildId);
        Assert.Equal((firstTask, false), (record!.TaskId, record.CacheHit));
        await worker.WaitForLineAsync($"Build {buildId} is already succeeded");
        Assert.Contains("build 1 */", await BundleAsync(record), StringComparison.Ordinal);
    }
}
