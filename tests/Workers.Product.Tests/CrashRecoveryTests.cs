using Workers.Product.Tests.Infrastructure;
using Workers.TaskManager.Persistence;

namespace Workers.Product.Tests;

public sealed class CrashRecoveryTests : ProductWorkerTest
{
    private const int VisibilityTimeoutSeconds = 5;

    protected override int QueueVisibilityTimeoutSeconds => VisibilityTimeoutSeconds;

    [Fact]
    public async Task A_worker_killed_after_some_chunks_is_resumed_by_the_next_one_at_the_next_chunk_applying_every_chunk_once()
    {
        await using (var db = ProductDb())
        {
            await TenChunkUpdate.SeedAsync(db, Cancellation);
        }

        var settings = TenChunkUpdate.SlowChunks(VisibilityTimeoutSeconds);
        var first = StartWorker(settings);
        var taskId = await PublishAsync("updateStock", TenChunkUpdate.Body);
        await WaitForTaskAsync(taskId, p => p.Task.ChunksDone >= 3);
        first.Kill();
        await first.WaitForExitAsync(Patience);

        var atCrash = (await ReadProgressAsync(taskId))!;
        Assert.Equal(TaskState.Running, atCrash.Task.State);
        Assert.InRange(atCrash.Task.ChunksDone, 3, TenChunkUpdate.Chunks - 1);

        StartWorker(settings);
        var done = await WaitUntilFinishedAsync(taskId);

        Assert.Equal(TaskState.Succeeded, done.Task.State);
        Assert.Equal((TenChunkUpdate.Chunks, (long)TenChunkUpdate.Items, 0L), (done.Task.ChunksDone, done.Task.ItemsDone, done.Task.ItemsRejected));
        var ledger = await LedgerAsync(taskId);
        Assert.Equal(Enumerable.Range(0, TenChunkUpdate.Chunks).Select(i => $"items/{i}"), ledger.Select(s => s.Step).Order(StringComparer.Ordinal));
        // Resumed, not restarted: the chunks before the kill stay those of the first delivery.
        Assert.InRange(ledger.Count(s => s.Attempt == 1), 3, TenChunkUpdate.Chunks - 1);
        Assert.Contains(ledger, s => s.Attempt >= 2);
        Assert.Equal(TenChunkUpdate.ExpectedLevels, await LevelsAsync());
        Assert.Equal(TenChunkUpdate.Items, (await MovementsAsync()).Count);
    }
}
