using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Workers.Fleet;
using Workers.TaskManager.Outbox;
using Workers.TaskManager.Persistence.Tables;
using Workers.TaskManager.Publishing;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Persistence;

// Applies chunks and transaction steps exactly once. Each step commits its effects (made through the worker's
// DbContext) in one transaction with its ledger row in taskmanager.task_steps; the row's primary key makes a
// second delivery's INSERT find the step done (or wait for a concurrent delivery's commit, then find it done).
// The statements live with their tables (Tables/); they run here, through the worker's DbContext, to share its
// transaction. Follow-ups enqueued during a step (outbox rows) are written last, just before the commit.
internal sealed class StepRunner<TContext>(TContext db, TimeProvider time, FleetWorker worker) : ITaskSteps
    where TContext : DbContext
{
    // The outbox rows of the step running now; one message's steps run one after another (one scope each).
    private OutboxBuffer? _outbox;

    public async Task<ItemsResult> ProcessItemsAsync<TItem>(
        TaskInfo info,
        FleetTaskType settings,
        IAsyncEnumerable<TItem> items,
        long? expectedItems,
        ChunkProcessor<TItem> processor,
        string name,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(processor);

        // The first attempt fixes the chunk size, so a retry after a settings change still cuts the same chunks.
        var chunkSize = await StartAsync(info, settings.ChunkSize, expectedItems, cancellationToken);
        var committed = await CommittedStepsAsync(info.TaskId, name, cancellationToken);

        int chunks = 0, processed = 0, skipped = 0;
        long itemCount = 0, rejected = 0;
        var buffer = new List<TItem>(chunkSize);
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            buffer.Add(item);
            itemCount++;
            if (buffer.Count == chunkSize)
            {
                await RunChunkAsync(buffer);
                buffer = new List<TItem>(chunkSize);
            }
        }

        if (buffer.Count > 0)
        {
            await RunChunkAsync(buffer);
        }

        await db.Database.ExecuteSqlAsync(TasksTable.ItemsCounted(info.TaskId, chunks, itemCount), cancellationToken);
        return new ItemsResult(chunks, processed, skipped, itemCount, rejected);

        async Task RunChunkAsync(List<TItem> chunkItems)
        {
            var index = chunks++;
            var step = $"{name}/{index}";
            if (committed.Contains(step))
            {
                skipped++;
                return;
            }

            if (processed > 0 && settings.ChunkCooldown > TimeSpan.Zero)
            {
                await Task.Delay(settings.ChunkCooldown, time, cancellationToken);
            }

            var outbox = new OutboxBuffer(worker);
            var chunk = new Chunk<TItem>(index, itemCount - chunkItems.Count + 1, chunkItems, outbox);
            if (await CommitStepAsync(info, step, chunkItems.Count, ct => processor(chunk, ct), () => chunk.Rejections, outbox, cancellationToken))
            {
                processed++;
                rejected += chunk.Rejections.Count;
            }
            else
            {
                skipped++;
            }
        }
    }

    public Task<bool> TransactionAsync(TaskInfo info, string step, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        CommitStepAsync(info, step, items: 0, work, static () => [], new OutboxBuffer(worker), cancellationToken);

    public string Enqueue(string target, TaskMessage message, DateTimeOffset? dueAt) =>
        (_outbox ?? throw new InvalidOperationException(
            "Enqueue must be called inside a step (the work of TransactionAsync, or a chunk processor of ProcessItemsAsync): "
            + "the follow-up is written in the step's transaction, so it is published only if the step commits."))
        .Add(target, message, dueAt);

    private async Task<bool> CommitStepAsync(
        TaskInfo info,
        string step,
        int items,
        Func<CancellationToken, Task> work,
        Func<IReadOnlyList<ItemRejection>> rejections,
        OutboxBuffer outbox,
        CancellationToken cancellationToken)
    {
        _outbox = outbox;
        using var span = TaskActivity.StartStep(step, items);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Database.ExecuteSqlAsync(TaskStepsTable.Claim(info, step, items), cancellationToken);
            if (claimed == 0)
            {
                span?.SetTag(MessagingTags.StepOutcome, "done before");
                return false;
            }

            await work(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            outbox.Close();

            var rejected = rejections();
            if (rejected.Count > 0)
            {
                await db.Database.ExecuteSqlAsync(TaskRejectionsTable.Insert(info.TaskId, step, rejected), cancellationToken);
            }

            if (outbox.Entries.Count > 0)
            {
                // Last before the commit, on the step's own connection and transaction: the rows (and the NOTIFY
                // that wakes the dispatcher) exist exactly when the effects do.
                await using var insert = OutboxTable.Insert(
                    (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction(), worker.Name, outbox.Entries);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            // pg_notify is delivered on commit: `workers enqueue --wait` and tests follow progress without polling.
            await db.Database.ExecuteSqlAsync(TasksTable.StepCommitted(info.TaskId, items, rejected.Count), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            span?.SetTag(MessagingTags.StepOutcome, "committed");
            return true;
        }
        catch (Exception ex) when (span is not null)
        {
            TaskActivity.Failed(span, ex);
            throw;
        }
        finally
        {
            outbox.Close();
            _outbox = null;

            // Chunks must not accumulate tracked entities: memory stays flat over a 100k-row import.
            db.ChangeTracker.Clear();
        }
    }

    private async Task<int> StartAsync(TaskInfo info, int chunkSize, long? expectedItems, CancellationToken cancellationToken)
    {
        var sizes = await db.Database.SqlQuery<int>(TasksTable.Start(info, chunkSize, expectedItems)).ToListAsync(cancellationToken);

        // Followers (enqueue --wait) learn the task is running, with its expected total, before a chunk commits.
        await db.Database.ExecuteSqlAsync(TasksTable.Notify(info.TaskId), cancellationToken);
        return sizes[0];
    }

    private async Task<HashSet<string>> CommittedStepsAsync(string taskId, string name, CancellationToken cancellationToken)
    {
        var steps = await db.Database.SqlQuery<string>(TaskStepsTable.Committed(taskId, name)).ToListAsync(cancellationToken);
        return steps.ToHashSet(StringComparer.Ordinal);
    }
}
