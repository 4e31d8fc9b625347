using Npgsql;
using static Workers.TaskManager.Persistence.Tables.SqlParameters;

namespace Workers.TaskManager.Persistence.Tables;

// Every hand-written statement on taskmanager.task_errors (the operators' reads go through the EF model:
// TaskProgressReader).
internal static class TaskErrorsTable
{
    public const string Name = "task_errors";

    public static NpgsqlBatchCommand Insert(TaskFailure failure, DateTimeOffset occurredAt)
    {
        var exception = failure.Exception;
        return Command(
            """
            INSERT INTO taskmanager.task_errors (task_id, worker, task_type, message_id, group_id, attempt, permanent,
                kind, exception_type, message, stack_trace, occurred_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            """,
            Text(failure.TaskId),
            Text(failure.Worker),
            Text(failure.TaskType),
            Text(failure.MessageId),
            Text(failure.GroupId),
            Value(failure.Attempt),
            Value(failure.Permanent),
            Text(failure.Kind),
            Text(exception.GetType().FullName),
            Text(exception.Message),
            // A constructed exception that was never thrown has no trace; ToString() would only repeat the message.
            Text(exception.StackTrace is null ? null : exception.ToString()),
            Value(occurredAt));
    }
}
