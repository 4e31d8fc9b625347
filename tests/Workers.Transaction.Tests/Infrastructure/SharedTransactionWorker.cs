using Workers.Domain;
using Workers.TaskManager.Persistence;

namespace Workers.Transaction.Tests.Infrastructure;

// One transaction worker process, queue and database for all the tests of a class (a class fixture): starting a
// worker and copying a template database is most of a short test's time. The tests sharing it keep apart by
// naming their own stores and SKUs, and read back only their own stores' rows.
public sealed class SharedTransactionWorker : TransactionWorkerTest
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        StartWorker();
    }

    internal PosDbContext Db() => Pos();

    internal Task<string> SendAsync<TBody>(string taskType, TBody body, string? taskId = null)
        where TBody : class =>
        PublishAsync(taskType, body, taskId: taskId);

    internal Task<TaskProgress> FinishedAsync(string taskId) => WaitUntilFinishedAsync(taskId);

    internal Task ResendAsync<TBody>(string taskId, string taskType, TBody body, TBody marker)
        where TBody : class =>
        RedeliverAsync(taskId, taskType, body, marker);
}
