namespace Workers.TaskManager.Persistence.Tables;

// Every hand-written statement on taskmanager.task_rejections. Run through the worker's DbContext: the
// rejections commit with the chunk that made them.
internal static class TaskRejectionsTable
{
    public const string Name = "task_rejections";

    public static FormattableString Insert(string taskId, string step, IReadOnlyList<ItemRejection> rejections)
    {
        var keys = rejections.Select(r => r.ItemKey).ToArray();
        var reasons = rejections.Select(r => r.Reason).ToArray();
        return $"""
            INSERT INTO taskmanager.task_rejections (task_id, step, item_key, reason, created_at)
            SELECT {taskId}, {step}, k, r, now() FROM unnest({keys}, {reasons}) AS x(k, r)
            """;
    }
}
