using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Tests.Infrastructure;
using Workers.Testing;

namespace Workers.TaskManager.Tests;

public sealed class ChunkTests : TaskManagerTest
{
    [Fact]
    public async Task A_retry_after_a_failed_chunk_skips_the_chunks_already_committed_so_each_item_applies_once()
    {
        Script.ScopedBehavior = async (task, services, ct) =>
        {
            var db = services.GetRequiredService<TestDbContext>();
            await task.ProcessItemsAsync(task.Body.Items!, async (chunk, token) =>
            {
                foreach (var item in chunk.Items)
                {
                    if (item == 5)
                    {
                        chunk.Reject("item 5", "five is not allowed");
                        continue;
                    }

                    await db.Database.ExecuteSqlAsync($"INSERT INTO test.applied_items (task_id, item, attempt) VALUES ({task.Info.TaskId}, {item}, {task.Info.Attempt})", token);
                }

                // The first delivery dies in the middle of chunk 2, after writing some of its items.
                if (task.Info.Attempt == 1 && chunk.Index == 2)
                {
                    throw new InvalidOperationException("connection reset during chunk 2");
                }
            }, ct);
        };
        var host = CreateChunkHost();
        var watch = await SubscribeAsync(host);
        await host.StartAsync(Cancellation);

        var published = await PublishAsync(host, "echo", new Echo("ten items", Items: [.. Enumerable.Range(0, 10)]));
        var task = await watch.UntilAsync(published.TaskId, t => t.State == TaskState.Succeeded);

        var applied = await QueryAsync<(int Item, int Attempt)>("SELECT item, attempt FROM test.applied_items ORDER BY item", r => (r.GetInt32(0), r.GetInt32(1)));
        Assert.Equal([0, 1, 2, 3, 4, 6, 7, 8, 9], applied.Select(a => a.Item));
        Assert.Equal([1, 1, 1, 1, 1, 2, 2, 2, 2], applied.Select(a => a.Attempt));
        var ledger = await QueryAsync<(string Step, int Attempt)>("SELECT step, attempt FROM taskmanager.task_steps ORDER BY step", r => (r.GetString(0), r.GetInt32(1)));
        Assert.Equal([("items/0", 1), ("items/1", 1), ("items/2", 2), ("items/3", 2)], ledger);
        Assert.Equal((4, 4, 10L, 10L, 1L), (task.ChunksDone, task.ChunksTotal, task.ItemsDone, task.ItemsTotal, task.ItemsRejected));
        Assert.Equal(3, task.ChunkSize);
        var rejection = Assert.Single(await QueryAsync("SELECT item_key || ': ' || reason FROM taskmanager.task_rejections", r => r.GetString(0)));
        Assert.Equal("item 5: five is not allowed", rejection);
    }

    [Fact]
    public async Task A_transaction_step_committed_by_an_earlier_delivery_is_not_run_again()
    {
        var runs = 0;
        Script.ScopedBehavior = async (task, services, ct) =>
        {
            var db = services.GetRequiredService<TestDbContext>();
            var ran = await task.TransactionAsync(async token =>
            {
                Interlocked.Increment(ref runs);
                await db.Database.ExecuteSqlAsync($"INSERT INTO test.applied_items (task_id, item, attempt) VALUES ({task.Info.TaskId}, 42, {task.Info.Attempt})", token);
            }, ct);

            // The first delivery commits the step, then fails before the message is deleted.
            if (task.Info.Attempt == 1)
            {
                Assert.True(ran);
                throw new InvalidOperationException("crashed after committing");
            }

            Assert.False(ran);
        };
        var host = CreateChunkHost();
        var watch = await SubscribeAsync(host);
        await host.StartAsync(Cancellation);

        var published = await PublishAsync(host, "echo", new Echo("once"));
        await watch.UntilAsync(published.TaskId, t => t.State == TaskState.Succeeded);

        Assert.Equal(1, runs);
        Assert.Equal([42], await QueryAsync("SELECT item FROM test.applied_items", r => r.GetInt32(0)));
    }

    // With a tracer listening, each step a delivery runs is a span under that delivery's span, saying whether it
    // committed; a step an earlier attempt committed is skipped without one.
    [Fact]
    public async Task Each_chunk_an_attempt_runs_is_a_span_under_its_delivery_and_a_failed_one_is_an_error()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Workers.TaskManager",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        Script.Behavior = async (task, ct) =>
            await task.ProcessItemsAsync(task.Body.Items!, (chunk, _) =>
                task.Info.Attempt == 1 && chunk.Index == 1
                    ? throw new InvalidOperationException("chunk 1 fails on the first delivery")
                    : Task.CompletedTask, ct);
        var host = CreateChunkHost();
        var watch = await SubscribeAsync(host);
        await host.StartAsync(Cancellation);

        var published = await PublishAsync(host, "echo", new Echo("six items", Items: [.. Enumerable.Range(0, 6)]));
        await watch.UntilAsync(published.TaskId, t => t.State == TaskState.Succeeded);
        await host.StopAsync(Cancellation); // every span of the task has ended

        var deliveries = spans
            .Where(s => s.Kind == ActivityKind.Consumer && Equals(s.GetTagItem("workers.task.id"), published.TaskId))
            .OrderBy(s => s.StartTimeUtc)
            .ToList();
        Assert.Equal(2, deliveries.Count);
        var steps = deliveries.Select(d => spans
            .Where(s => s.ParentSpanId == d.SpanId && s.OperationName.StartsWith("step ", StringComparison.Ordinal))
            .OrderBy(s => s.StartTimeUtc)
            .Select(s => ((string)s.GetTagItem("workers.step.name")!, s.GetTagItem("workers.step.outcome") as string, s.Status))
            .ToList()).ToList();

        // Chunk size 3: the first attempt commits chunk 0 and fails in chunk 1; the second skips chunk 0 (no span).
        Assert.Equal([("items/0", "committed", ActivityStatusCode.Unset), ("items/1", null, ActivityStatusCode.Error)], steps[0]);
        Assert.Equal([("items/1", "committed", ActivityStatusCode.Unset)], steps[1]);
    }

    private Microsoft.Extensions.Hosting.IHost CreateChunkHost()
    {
        var worker = Worker(new TestTaskType("echo", ChunkSize: 3));
        var settings = QueueSettings();
        settings["TaskManager:Retry:BaseDelay"] = "00:00:00";
        return CreateHost(worker, settings, taskManagerOptions: taskManager => taskManager.UseDatabase<TestDbContext>(TestDbContext.Schema));
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        var rows = new List<T>();
        while (await reader.ReadAsync(Cancellation))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
