using Microsoft.EntityFrameworkCore;
using Workers.Domain.Transactions;
using Workers.TaskManager.Persistence;
using Workers.Transaction.CreateTransaction;
using Workers.Transaction.Tests.Infrastructure;

namespace Workers.Transaction.Tests;

public sealed class CrashRecoveryTests : TransactionWorkerTest
{
    private const int VisibilityTimeoutSeconds = 5;
    private const int Transactions = 500;
    private const int Chunks = 10;

    protected override int QueueVisibilityTimeoutSeconds => VisibilityTimeoutSeconds;

    [Fact]
    public async Task A_worker_killed_after_some_chunks_is_resumed_by_the_next_one_recording_every_transaction_and_its_stock_once()
    {
        var skus = Enumerable.Range(1, 50).Select(i => $"SKU-{i:D2}").ToArray();
        await using (var db = Pos())
        {
            await Shop.SeedAsync(db, ["S001"], skus, skus.ToDictionary(s => ("S001", s), _ => 100), Cancellation);
        }

        // Sells and buy-backs alternate, none short: every transaction must be recorded exactly once.
        var body = new CreateTransactionBody([.. Enumerable.Range(0, Transactions).Select(i => new RegisterTransaction(
            "S001",
            $"T{i:D4}",
            i % 2 == 0 ? TransactionKind.Sell : TransactionKind.Buy,
            [new(skus[i % skus.Length], (i % 3) + 1, 100), new(skus[(i * 7) % skus.Length], 1, 50)]))]);
        var expected = skus.ToDictionary(s => ("S001", s), _ => 100);
        foreach (var transaction in body.Transactions)
        {
            foreach (var line in transaction.Lines)
            {
                expected[("S001", line.Sku)] += transaction.Kind == TransactionKind.Sell ? -line.Quantity : line.Quantity;
            }
        }

        // Chunks slow enough that the kill lands between two of them, and a visibility short enough that the
        // killed worker's message comes back within seconds.
        var settings = new Dictionary<string, string?>
        {
            ["TaskManager__TaskTypes__createTransaction__ChunkCooldownMilliseconds"] = "400",
            ["TaskManager__VisibilityTimeout"] = $"00:00:{VisibilityTimeoutSeconds:D2}",
            ["TaskManager__HeartbeatInterval"] = "00:00:01",
        };
        var first = StartWorker(settings);
        var taskId = await PublishAsync("createTransaction", body);
        await WaitForTaskAsync(taskId, p => p.Task.ChunksDone >= 3);
        first.Kill();
        await first.WaitForExitAsync(Patience);
        var atCrash = (await ReadProgressAsync(taskId))!;
        Assert.InRange(atCrash.Task.ChunksDone, 3, Chunks - 1);

        StartWorker(settings);
        var done = await WaitUntilFinishedAsync(taskId);

        Assert.Equal(TaskState.Succeeded, done.Task.State);
        Assert.Equal((Chunks, (long)Transactions, 0L), (done.Task.ChunksDone, done.Task.ItemsDone, done.Task.ItemsRejected));
        await using var check = Pos();
        Assert.Equal(Transactions, await check.Transactions.CountAsync(Cancellation));
        Assert.Equal(Transactions * 2, await check.TransactionLines.CountAsync(Cancellation));
        Assert.Equal(expected, await check.LevelsAsync(Cancellation));
        var sums = await check.MovementSumsAsync(Cancellation);
        Assert.All(expected, e => Assert.Equal(e.Value - 100, sums.GetValueOrDefault(e.Key)));
    }
}
