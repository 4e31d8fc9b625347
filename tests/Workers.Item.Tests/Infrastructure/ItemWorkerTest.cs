using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workers.Domain;
using Workers.TaskManager;
using Workers.TaskManager.Outbox;
using Workers.TaskManager.Persistence;
using Workers.Testing;

namespace Workers.Item.Tests.Infrastructure;

// Base of the item worker's tests: the shared part (own queue and database, the real worker as child processes,
// publishing and following tasks) is WorkerProcessTest's. Here: a queue of this test's standing in for the
// product worker's, where the item worker's follow-ups arrive, the pos data, and the outbox.
public abstract class ItemWorkerTest() : WorkerProcessTest("item", "Workers.Item")
{
    private TestQueues _product = null!;

    protected override TestMigrations Migrations => ItemMigrations.Template;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _product = await TestQueues.CreateAsync(Stack.Sqs, "itemfollow");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _product.DisposeAsync();
    }

    // The item worker, publishing its follow-ups for the product worker to this test's queue.
    protected WorkerProcess StartItemWorker(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var environment = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Fleet__QueueUrls__product"] = _product.QueueUrl,
        };
        return StartWorker(environment);
    }

    private protected PosDbContext PosDb() => ItemMigrations.Pos(Database.ConnectionString);

    protected async Task<List<TaskStepRecord>> LedgerAsync(string taskId)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskStoreDbContext>();
        return await db.Steps.AsNoTracking().Where(s => s.TaskId == taskId).OrderBy(s => s.Step).ToListAsync(Cancellation);
    }

    protected async Task<List<OutboxRecord>> OutboxAsync()
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskStoreDbContext>();
        return await db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync(Cancellation);
    }

    // The follow-ups published to the product worker's queue: (task id, group, type, body).
    protected async Task<List<(string TaskId, string Group, string Type, JsonElement Body)>> ReceiveFollowUpsAsync(int count)
    {
        var messages = await _product.ReceiveAsync(_product.QueueUrl, count, Patience);
        return [.. messages.Select(m =>
        {
            var envelope = JsonDocument.Parse(m.Body).RootElement;
            return (envelope.GetProperty("taskId").GetString()!, m.Attributes["MessageGroupId"], envelope.GetProperty("type").GetString()!, envelope.GetProperty("body").Clone());
        })];
    }

    protected static string Json(JsonElement element) => JsonSerializer.Serialize(element, TaskJson.Options);
}
