using Npgsql;
using static Workers.TaskManager.Persistence.Tables.SqlParameters;

namespace Workers.TaskManager.Persistence.Tables;

// Every hand-written statement on taskmanager.tasks, so its column lists and state names are read and changed in
// one place (TaskStoreDbContext maps the same table for EF's reads and the migrations). Two styles, one per
// caller: FormattableStrings for StepRunner, which runs them through the worker's DbContext so they commit with a
// chunk's effects, and Npgsql batch commands for the consumer's writes outside chunks (TaskStore,
// TaskRecordWriter). States are always TaskState names, never literals.
internal static class TasksTable
{
    public const string Name = "tasks";

    // A delivery starts ledgered work. The first attempt fixes the chunk size (returned as "Value" for SqlQuery),
    // so a retry after a settings change still cuts the same chunks.
    public static FormattableString Start(TaskInfo info, int chunkSize, long? expectedItems) =>
        $"""
        INSERT INTO taskmanager.tasks AS t (task_id, worker, task_type, group_id, message_id, state, attempts,
            chunk_size, chunks_done, items_total, items_done, items_rejected, created_at, updated_at)
        VALUES ({info.TaskId}, {info.Worker}, {info.TaskType}, {info.GroupId}, {info.MessageId}, {State(TaskState.Running)},
            {info.Attempt}, {chunkSize}, 0, {expectedItems}, 0, 0, now(), now())
        ON CONFLICT (task_id) DO UPDATE SET
            state = EXCLUDED.state, attempts = GREATEST(t.attempts, EXCLUDED.attempts),
            message_id = EXCLUDED.message_id, chunk_size = COALESCE(t.chunk_size, EXCLUDED.chunk_size),
            items_total = COALESCE(EXCLUDED.items_total, t.items_total), updated_at = now()
        RETURNING chunk_size AS "Value"
        """;

    // A step committed: a chunk of `items` items (0 for a transaction step, which is no chunk), `rejected` of them
    // rejected. pg_notify is delivered on commit, so followers see exactly what committed.
    public static FormattableString StepCommitted(string taskId, int items, int rejected) =>
        $"""
        UPDATE taskmanager.tasks
        SET chunks_done = chunks_done + {(items > 0 ? 1 : 0)}, items_done = items_done + {items},
            items_rejected = items_rejected + {rejected}, updated_at = now()
        WHERE task_id = {taskId};
        SELECT pg_notify({TaskNotifications.Channel}, {taskId});
        """;

    // The item list has been read to its end: its totals are known.
    public static FormattableString ItemsCounted(string taskId, int chunks, long items) =>
        $"""
        UPDATE taskmanager.tasks SET chunks_total = {chunks}, items_total = {items}, updated_at = now() WHERE task_id = {taskId};
        SELECT pg_notify({TaskNotifications.Channel}, {taskId});
        """;

    public static FormattableString Notify(string taskId) => $"SELECT pg_notify({TaskNotifications.Channel}, {taskId})";

    // A failed delivery's summary on the task's row (the full error goes to task_errors). Needs the task id and type.
    public static NpgsqlBatchCommand RecordFailure(TaskFailure failure, DateTimeOffset now) => Command(
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
        Text(State(failure.NewState)),
        Value(failure.Attempt),
        Value(now),
        Time(failure.NewState == TaskState.DeadLettered ? now : null),
        Text(failure.Exception.Message));

    // Succeeded tasks, many rows in one statement. One upsert cannot touch a row twice: pass each task once.
    public static NpgsqlBatchCommand RecordSuccesses(IReadOnlyCollection<TaskCompletion> rows) => Command(
        """
        INSERT INTO taskmanager.tasks AS t (task_id, worker, task_type, group_id, message_id, state, attempts,
            chunks_done, items_done, items_rejected, created_at, updated_at, finished_at, duration_ms)
        SELECT id, worker, type, grp, msg, $9, attempt, 0, 0, 0, finished, finished, finished, duration
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::timestamptz[], $8::float8[])
            AS r(id, worker, type, grp, msg, attempt, finished, duration)
        ON CONFLICT (task_id) DO UPDATE SET
            state = EXCLUDED.state, attempts = GREATEST(t.attempts, EXCLUDED.attempts), message_id = EXCLUDED.message_id,
            updated_at = EXCLUDED.updated_at, finished_at = EXCLUDED.finished_at, duration_ms = EXCLUDED.duration_ms
        """,
        TextArray(rows.Select(r => r.Info.TaskId)),
        TextArray(rows.Select(r => r.Info.Worker)),
        TextArray(rows.Select(r => r.Info.TaskType)),
        TextArray(rows.Select(r => r.Info.GroupId)),
        TextArray(rows.Select(r => r.Info.MessageId)),
        Value<int[]>([.. rows.Select(r => r.Info.Attempt)]),
        Value<DateTimeOffset[]>([.. rows.Select(r => r.FinishedAt)]),
        Value<double[]>([.. rows.Select(r => r.DurationMs)]),
        Text(State(TaskState.Succeeded)));

    // `payload` is a task id, or TaskNotifications.SeveralTasks for a batch.
    public static NpgsqlBatchCommand NotifyCommand(string payload) =>
        Command("SELECT pg_notify($1, $2)", Text(TaskNotifications.Channel), Text(payload));

    // One scalar: the task's state name, or nothing when no delivery has been recorded. Read it with ReadState.
    public static NpgsqlBatchCommand SelectState(string taskId) =>
        Command("SELECT state FROM taskmanager.tasks WHERE task_id = $1", Text(taskId));

    public static TaskState? ReadState(object? scalar) =>
        scalar is string name && Enum.TryParse<TaskState>(name, ignoreCase: false, out var state) ? state : null;
}
