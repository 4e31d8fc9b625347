using Microsoft.EntityFrameworkCore;
using Workers.Fleet;

namespace Workers.TaskManager.Persistence;

// Applies chunks and transaction steps exactly once. Each step commits its effects (made through the worker's
// DbContext) in one transaction with its ledger row in taskmanager.task_steps; the row's primary key makes a
// second delivery's INSERT find the step done (or wait for a concurrent delivery's commit, then find it done).
internal sealed class StepRunner<TContext>(TContext db, TimeProvider time) : ITaskSteps
    where TContext : DbContext
{
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

        await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE taskmanager.tasks SET chunks_total = {chunks}, items_total = {itemCount}, updated_at = now() WHERE task_id = {info.TaskId};
            SELECT pg_notify({TaskNotifications.Channel}, {info.TaskId});
            """,
            cancellationToken);
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

            var chunk = new Chunk<TItem>(index, itemCount - chunkItems.Count + 1, chunkItems);
            if (await CommitStepAsync(info, step, chunkItems.Count, ct => processor(chunk, ct), () => chunk.Rejections, cancellationToken))
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
        CommitStepAsync(info, step, items: 0, work, static () => [], cancellationToken);

    private async Task<bool> CommitStepAsync(
        TaskInfo info,
        string step,
        int items,
        Func<CancellationToken, Task> work,
        Func<IReadOnlyList<ItemRejection>> rejections,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO taskmanager.task_steps (task_id, step, attempt, items, committed_at)
                VALUES ({info.TaskId}, {step}, {info.Attempt}, {items}, now())
                ON CONFLICT (task_id, step) DO NOTHING
                """,
                cancellationToken);
            if (claimed == 0)
            {
                return false;
            }

            await work(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            var rejected = rejections();
            if (rejected.Count > 0)
            {
                var keys = rejected.Select(r => r.ItemKey).ToArray();
                var reasons = rejected.Select(r => r.Reason).ToArray();
                await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO taskmanager.task_rejections (task_id, step, item_key, reason, created_at)
                    SELECT {info.TaskId}, {step}, k, r, now() FROM unnest({keys}, {reasons}) AS x(k, r)
                    """,
                    cancellationToken);
            }

            // pg_notify is delivered on commit: `workers enqueue --wait` and tests follow progress without polling.
            await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE taskmanager.tasks
                SET chunks_done = chunks_done + {(items > 0 ? 1 : 0)}, items_done = items_done + {items},
                    items_rejected = items_rejected + {rejected.Count}, updated_at = now()
                WHERE task_id = {info.TaskId};
                SELECT pg_notify({TaskNotifications.Channel}, {info.TaskId});
                """,
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            // Chunks must not accumulate tracked entities: memory stays flat over a 100k-row import.
            db.ChangeTracker.Clear();
        }
    }

    private async Task<int> StartAsync(TaskInfo info, int chunkSize, long? expectedItems, CancellationToken cancellationToken)
    {
        var state = nameof(TaskState.Running);
        var sizes = await db.Database.SqlQuery<int>(
            $"""
            INSERT INTO taskmanager.tasks AS t (task_id, worker, task_type, group_id, message_id, state, attempts,
                chunk_size, chunks_done, items_total, items_done, items_rejected, created_at, updated_at)
            VALUES ({info.TaskId}, {info.Worker}, {info.TaskType}, {info.GroupId}, {info.MessageId}, {state},
                {info.Attempt}, {chunkSize}, 0, {expectedItems}, 0, 0, now(), now())
            ON CONFLICT (task_id) DO UPDATE SET
                state = EXCLUDED.state, attempts = GREATEST(t.attempts, EXCLUDED.attempts),
                message_id = EXCLUDED.message_id, chunk_size = COALESCE(t.chunk_size, EXCLUDED.chunk_size),
                items_total = COALESCE(EXCLUDED.items_total, t.items_total), updated_at = now()
            RETURNING chunk_size AS "Value"
            """).ToListAsync(cancellationToken);

        // Followers (enqueue --wait) learn the task is running, with its expected total, before a chunk commits.
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({TaskNotifications.Channel}, {info.TaskId})", cancellationToken);
        return sizes[0];
    }

    private async Task<HashSet<string>> CommittedStepsAsync(string taskId, string name, CancellationToken cancellationToken)
    {
        var prefix = name + "/%";
        var steps = await db.Database.SqlQuery<string>(
            $"SELECT step AS \"Value\" FROM taskmanager.task_steps WHERE task_id = {taskId} AND step LIKE {prefix}")
            .ToListAsync(cancellationToken);
        return steps.ToHashSet(StringComparer.Ordinal);
    }
}
