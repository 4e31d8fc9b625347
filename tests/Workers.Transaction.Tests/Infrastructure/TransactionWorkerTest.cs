using System.Text.Json;
using Workers.Domain;
using Workers.TaskManager;
using Workers.Testing;

namespace Workers.Transaction.Tests.Infrastructure;

// Base of the transaction worker's tests: the shared part (own queue and database, the real worker as child
// processes, publishing and following tasks) is WorkerProcessTest's; here are the pos data and resends.
public abstract class TransactionWorkerTest() : WorkerProcessTest("transaction", "Workers.Transaction")
{
    protected override TestMigrations Migrations => PosMigrations.Template;

    private protected PosDbContext Pos() => PosMigrations.Pos(Database.ConnectionString);

    // Sends the envelope of task <taskId> again under a new deduplication id, as SQS redelivers a message whose
    // delete was lost, then waits until a task published behind it in its group has finished: FIFO order means
    // the resend was handled by then.
    private protected async Task RedeliverAsync<TBody>(string taskId, string taskType, TBody body, TBody marker)
        where TBody : class
    {
        var envelope = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["taskId"] = taskId,
            ["type"] = taskType,
            ["body"] = JsonSerializer.SerializeToElement(body, TaskJson.Options),
            ["publishedAt"] = DateTimeOffset.UtcNow,
        });
        await Queues.SendRawAsync(envelope, "g");
        var after = await PublishAsync(taskType, marker);
        await WaitUntilFinishedAsync(after);
    }
}
