using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workers.Product.Tests.Infrastructure;
using Workers.Product.UpdateStock;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;
using Workers.Testing;

namespace Workers.Product.Tests;

// The database goes away under load, for longer than three backoffs, while two worker processes compete for the
// queue: the outage must cost no receives (nothing dead-lettered, every task on its first attempt), apply every
// task once, keep each group in order, and leave every error recorded. The test runs its own PostgreSQL server,
// so stopping it touches no other test.
public sealed class DatabaseOutageTests : ProductWorkerTest
{
    private const int Groups = 10;
    private const int TasksPerGroup = 20;

    // The fault itself: how long the server stays down. Not a wait for a condition, the condition under test.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    private PostgresServer? _server;

    protected override TimeSpan Patience => TimeSpan.FromSeconds(180);

    protected override async Task<TestDatabase> CreateDatabaseAsync()
    {
        _server = await PostgresServer.StartAsync();
        return await TestDatabase.CreateAsync(_server.AdminConnectionString, Migrations.Ids, Migrations.ApplyAsync);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task PostgreSQL_stopped_for_a_minute_under_load_dead_letters_nothing_and_applies_every_task_once_in_group_order_with_every_error_recorded()
    {
        var skus = Enumerable.Range(0, Groups).Select(g => $"SKU-G{g:D2}").ToArray();
        await using (var db = ProductDb())
        {
            await Catalog.SeedAsync(db, ["S001"], skus, skus.ToDictionary(sku => ("S001", sku), _ => 0), Cancellation);
        }

        // Probes at most 2 s apart, so the workers notice the server is back soon after it is.
        var settings = new Dictionary<string, string?> { ["TaskManager__Outage__ProbeMaxDelay"] = "00:00:02" };
        var workers = new[] { StartWorker(settings), StartWorker(settings) };
        var taskIds = skus.Select(_ => new List<string>()).ToArray();
        for (var i = 0; i < TasksPerGroup; i++)
        {
            for (var g = 0; g < Groups; g++)
            {
                // Task ids of their own: the bodies are identical, and content-based deduplication would drop them.
                var message = TaskMessage.Create("updateStock", new UpdateStockBody("S001", [new StockDelta(skus[g], 1)]), $"group-{g}", $"outage-{Guid.NewGuid():N}");
                taskIds[g].Add(await PublishAsync(message));
            }
        }

        // Under load: some tasks are done, most are not.
        await WaitUntilFinishedAsync(taskIds[0][2]);
        await _server!.StopAsync();
        // One worker noticing is enough to know the outage is in effect: a worker whose messages all wait behind
        // other groups touches no database and may have nothing to notice until the server is back.
        await await Task.WhenAny(workers.Select(w => w.WaitForLineAsync("postgresql is unavailable", Patience)));
        await Task.Delay(Outage, Cancellation);
        await _server.StartAgainAsync();

        // The test's own pooled connections ended with the server, as the workers' did.
        await using (var publisher = CreateScope())
        {
            publisher.ServiceProvider.GetRequiredService<NpgsqlDataSource>().Clear();
        }

        foreach (var group in taskIds)
        {
            await WaitUntilFinishedAsync(group[^1]);
        }

        Assert.Empty(await Queues.ReceiveAsync(Queues.DeadLetterUrl, 1, TimeSpan.FromSeconds(1)));

        var all = taskIds.SelectMany(g => g).ToHashSet(StringComparer.Ordinal);
        await using var scope = CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<TaskStoreDbContext>();
        var tasks = await store.Tasks.AsNoTracking().Where(t => all.Contains(t.TaskId)).ToListAsync(Cancellation);
        Assert.Equal(all.Count, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(TaskState.Succeeded, t.State));

        // No receive was spent on the outage: every task succeeded on its first delivery.
        Assert.All(tasks, t => Assert.Equal(1, t.Attempts));

        // Exactly once, in group order.
        var levels = await LevelsAsync();
        Assert.All(skus, sku => Assert.Equal(TasksPerGroup, levels[("S001", sku)]));
        var movements = await MovementsAsync();
        for (var g = 0; g < Groups; g++)
        {
            Assert.Equal(taskIds[g], movements.Where(m => m.Sku == skus[g]).Select(m => m.Movement.TaskId));
        }

        // Every task that met the outage has its error row, written once the database was back.
        var errors = await store.Errors.AsNoTracking().Where(e => e.TaskId != null && all.Contains(e.TaskId)).ToListAsync(Cancellation);
        var held = workers.Sum(w => Occurrences(w.Output, "met an outage of postgresql"));
        Assert.True(held > 0, "no task met the outage: the test did not test it");
        Assert.Equal(held, errors.Count(e => e.Kind == "DependencyUnavailable"));
        Assert.All(errors, e => Assert.Equal("DependencyUnavailable", e.Kind));
        Assert.All(workers, w => Assert.DoesNotContain("Failure record lost", w.Output, StringComparison.Ordinal));
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
