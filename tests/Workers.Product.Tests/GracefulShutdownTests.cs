using Workers.Product.Tests.Infrastructure;
using Workers.TaskManager.Persistence;

namespace Workers.Product.Tests;

public sealed class GracefulShutdownTests : ProductWorkerTest
{
    // Short, because a long poll the stopping worker abandoned can still take the released message on the
    // emulator's side (and on SQS's, for an aborted request); it comes back after this timeout, one receive on.
    private const int VisibilityTimeoutSeconds = 5;

    protected override int QueueVisibilityTimeoutSeconds => VisibilityTimeoutSeconds;

    [Fact]
    public async Task Sigterm_mid_task_exits_zero_after_the_drain_timeout_and_the_next_worker_finishes_the_returned_task()
    {
        await using (var db = ProductDb())
        {
            await TenChunkUpdate.SeedAsync(db, Cancellation);
        }

        // The task needs ~5 s more than the 1 s drain allows: the worker must cancel it and hand it back.
        var settings = new Dictionary<string, string?>(TenChunkUpdate.SlowChunks(VisibilityTimeoutSeconds))
        {
            ["TaskManager__DrainTimeout"] = "00:00:01",
            ["TaskManager__ForcedStopGrace"] = "00:00:02",
        };
        var first = StartWorker(settings);
        var taskId = await PublishAsync("updateStock", TenChunkUpdate.Body);
        await WaitForTaskAsync(taskId, p => p.Task.ChunksDone >= 2);
        // Drain (1 s) + forced-stop grace (2 s) + the host's margin; well above it means the worker hung.
        Assert.Equal(0, await first.TerminateAsync(TimeSpan.FromSeconds(20)));
        var stopped = (await ReadProgressAsync(taskId))!;
        Assert.Equal(TaskState.Running, stopped.Task.State);
        Assert.InRange(stopped.Task.ChunksDone, 2, TenChunkUpdate.Chunks - 1);
        Assert.Empty(stopped.Errors);

        // The message went back to the queue (nothing lost): the next worker receives it again and resumes.
        StartWorker(settings);
        var done = await WaitUntilFinishedAsync(taskId);

        Assert.Equal(TaskState.Succeeded, done.Task.State);
        var ledger = await LedgerAsync(taskId);
        Assert.Equal(TenChunkUpdate.Chunks, ledger.Count);
        Assert.Contains(ledger, s => s.Attempt == 1);
        Assert.Contains(ledger, s => s.Attempt >= 2);
        Assert.Equal(TenChunkUpdate.ExpectedLevels, await LevelsAsync());
        Assert.Equal(TenChunkUpdate.Items, (await MovementsAsync()).Count);
    }
}
