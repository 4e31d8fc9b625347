using Npgsql;
using NpgsqlTypes;

namespace Workers.TaskManager.Persistence;

// The consumer's writes and reads of taskmanager tables outside chunk transactions. Plain Npgsql: these run on
// every failure and every redelivery, and need no change tracking.
internal sealed class TaskStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task RecordFailureAsync(TaskFailure failure, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var exception = failure.Exception;
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(
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
            new NpgsqlParameter<int> { TypedValue = failure.Attempt },
            new NpgsqlParameter<bool> { TypedValue = failure.Permanent },
            Text(failure.Kind),
            Text(exception.GetType().FullName),
            Text(exception.Message),
            Text(exception.StackTrace is null ? null : exception.ToString()),
            new NpgsqlParameter<DateTimeOffset> { TypedValue = now }));

        if (failure.TaskId is not null && failure.TaskType is not null)
        {
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO taskmanager.tasks AS t (task_id, worker, task_type, group_id, message_id, state, attempts,
                    chunks_done, items_done, items_rejected, created_at, updated_at, finished_at, last_error)
                VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 0, 0, $8, $8, $9, $10)
                ON CONFLICT (task_id) DO UPDATE SET
                    state = EXCLUDED.state, attempts = GREATEST(t.attempts, EXCLUDED.attempts),
                    message_id = EXCLUDED.message_id, updated_at = EXCLUDED.updated_at,
                    finished_at = EXCLUDED.finished_at, last_error = EXCLUDED.last_error
                """,
                Text(failure.TaskId),
                Text(failure.Worker),
                Text(failure.TaskType),
                Text(failure.GroupId),
                Text(failure.MessageId),
                Text(failure.NewState.ToString()),
                new NpgsqlParameter<int> { TypedValue = failure.Attempt },
                new NpgsqlParameter<DateTimeOffset> { TypedValue = now },
                new NpgsqlParameter { Value = failure.NewState == TaskState.DeadLettered ? now : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                Text(exception.Message)));
            batch.BatchCommands.Add(Command("SELECT pg_notify($1, $2)", Text(TaskNotifications.Channel), Text(failure.TaskId)));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> HasSucceededAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT state FROM taskmanager.tasks WHERE task_id = $1");
        command.Parameters.Add(Text(taskId));
        return await command.ExecuteScalarAsync(cancellationToken) is string state && state == nameof(TaskState.Succeeded);
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
