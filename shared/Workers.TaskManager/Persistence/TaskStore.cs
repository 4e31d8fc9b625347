using Npgsql;
using Workers.TaskManager.Persistence.Tables;

namespace Workers.TaskManager.Persistence;

// The consumer's writes and reads of taskmanager tables outside chunk transactions. Plain Npgsql: these run on
// every failure and every redelivery, and need no change tracking. The statements live with their tables (Tables/).
internal sealed class TaskStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task RecordFailureAsync(TaskFailure failure, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(TaskErrorsTable.Insert(failure, now));

        // A message whose envelope could not be read has no task to summarise the failure on.
        if (failure.TaskId is not null && failure.TaskType is not null)
        {
            batch.BatchCommands.Add(TasksTable.RecordFailure(failure, now));
            batch.BatchCommands.Add(TasksTable.NotifyCommand(failure.TaskId));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> HasSucceededAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(TasksTable.SelectState(taskId));
        return TasksTable.ReadState(await batch.ExecuteScalarAsync(cancellationToken)) == TaskState.Succeeded;
    }
}
