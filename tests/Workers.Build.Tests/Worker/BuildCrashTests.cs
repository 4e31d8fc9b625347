using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Workers.Build.Builds;
using Workers.Build.Data;
using Workers.Build.Tests.Infrastructure;
using Workers.TaskManager.Persistence;
using Workers.Testing;

namespace Workers.Build.Tests.Worker;

// The backstop against sources that crash the bundler: a build key (source, options, toolchain) that killed a
// build server is not run again, so one source kills at most one server. The fake build server exits with code
// 3 on a source starting with "crash:", which stands for any input that brings a real bundler down.
public sealed class BuildCrashTests : BuildWorkerTest
{
    [Fact]
    public async Task A_source_that_crashes_the_build_server_kills_one_process_and_every_build_of_it_then_fails_at_once()
    {
        var worker = StartWorker();
        var (task, build) = await BuildAsync("crash:poison");

        // The crash itself is retried (it may have had another cause); the retry finds the record and fails.
        Assert.Equal((TaskState.Succeeded, 2), (task.Task.State, task.Task.Attempts));
        Assert.Contains(task.Errors, e => e.Message.Contains("died during the build with exit code 3", StringComparison.Ordinal));
        Assert.Equal((BuildStatus.Failed, BuildErrorTypes.Crash, 2), (build.Status, build.ErrorType, build.Attempts));
        Assert.StartsWith("The bundler crashed on this source: a build server died with exit code 3", build.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(build.ProcessId);
        Assert.Equal(0, await DeadLetterCountAsync());

        // The same source under another build id fails on its first attempt, without a process.
        var (again, second) = await BuildAsync("crash:poison");
        Assert.Equal((TaskState.Succeeded, 1), (again.Task.State, again.Task.Attempts));
        Assert.Empty(again.Errors);
        Assert.Equal((BuildStatus.Failed, BuildErrorTypes.Crash, build.ErrorMessage), (second.Status, second.ErrorType, second.ErrorMessage));
        Assert.Null(second.ProcessId);

        var (_, next) = await BuildAsync("after the crash");
        Assert.Equal(BuildStatus.Succeeded, next.Status);
        Assert.Equal(0, await DeadLetterCountAsync());
        Assert.Equal(1, Lines(worker, "build started", "crash:poison"));
        Assert.Equal(1, Lines(worker, "retired: died during a build with exit code 3"));
        var crash = Assert.Single(await CrashesAsync());
        Assert.Equal((build.CacheKey, build.BuildId, 3), (crash.CacheKey, crash.BuildId, crash.ExitCode));
    }

    [Fact]
    public async Task A_crash_on_one_source_does_not_poison_another_source()
    {
        var worker = StartWorker();
        var (_, poisoned) = await BuildAsync("crash:one");
        var (task, other) = await BuildAsync("crash-free, one");

        Assert.Equal(BuildErrorTypes.Crash, poisoned.ErrorType);
        Assert.Equal((TaskState.Succeeded, 1), (task.Task.State, task.Task.Attempts));
        Assert.Equal(BuildStatus.Succeeded, other.Status);
        Assert.NotNull(other.ProcessId);
        Assert.Equal(1, Lines(worker, "build started", "crash-free, one"));
    }

    [Fact]
    public async Task A_crash_record_lapses_after_its_lifetime_and_a_later_crash_starts_a_new_one()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await using var db = BuildMigrations.Build(Database.ConnectionString);
        var options = Microsoft.Extensions.Options.Options.Create(new BuildOptions { SourceCrashLifetime = TimeSpan.FromHours(1) });
        var store = new SourceCrashStore(db, options, time);
        var key = new string('a', 64);

        await store.RecordAsync(Crash(key, "b-first", time), Cancellation);
        time.Advance(TimeSpan.FromMinutes(59));
        await store.RecordAsync(Crash(key, "b-second", time), Cancellation);
        Assert.Equal("b-first", (await store.FindLiveAsync(key, Cancellation))?.BuildId);

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await store.FindLiveAsync(key, Cancellation));

        await store.RecordAsync(Crash(key, "b-third", time), Cancellation);
        var renewed = await store.FindLiveAsync(key, Cancellation);
        Assert.Equal(("b-third", time.GetUtcNow() + TimeSpan.FromHours(1)), (renewed?.BuildId, store.ExpiresAt(renewed!)));

        // Expired records of other keys are cleared when a crash is recorded.
        var other = new string('b', 64);
        await store.RecordAsync(Crash(other, "b-other", time), Cancellation);
        time.Advance(TimeSpan.FromHours(2));
        await store.RecordAsync(Crash(new string('c', 64), "b-later", time), Cancellation);
        Assert.Equal(["b-later"], await db.SourceCrashes.AsNoTracking().Select(c => c.BuildId).ToListAsync(Cancellation));
    }

    private static SourceCrash Crash(string key, string buildId, TimeProvider time) => new()
    {
        CacheKey = key,
        SourceSha256 = new string('0', 64),
        BuildId = buildId,
        ProcessId = 4242,
        ExitCode = 134,
        CrashedAt = time.GetUtcNow(),
    };

    // Lines of the worker's output that contain every one of `texts`.
    private static int Lines(WorkerProcess worker, params string[] texts) =>
        worker.Output.Split('\n').Count(line => texts.All(t => line.Contains(t, StringComparison.Ordinal)));

    private async Task<int> DeadLetterCountAsync() =>
        (await Stack.Sqs.GetQueueAttributesAsync(Queues.DeadLetterUrl, ["ApproximateNumberOfMessages"], Cancellation)).ApproximateNumberOfMessages;

    private async Task<List<SourceCrash>> CrashesAsync()
    {
        await using var db = BuildMigrations.Build(Database.ConnectionString);
        return await db.SourceCrashes.AsNoTracking().ToListAsync(Cancellation);
    }
}
