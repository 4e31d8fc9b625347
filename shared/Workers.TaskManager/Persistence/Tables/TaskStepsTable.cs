namespace Workers.TaskManager.Persistence.Tables;

// Every hand-written statement on the ledger taskmanager.task_steps. Both run through the worker's DbContext:
// the claim must commit (or roll back) with the step's effects.
internal static class TaskStepsTable
{
    public const string Name = "task_steps";

    // Claims a step. The primary key (task_id, step) makes a second delivery's claim affect no row (or wait for
    // a concurrent delivery's commit, then affect none): 1 row means this delivery applies the step.
    public static FormattableString Claim(TaskInfo info, string step, int items) =>
        $"""
        INSERT INTO taskmanager.task_steps (task_id, step, attempt, items, committed_at)
        VALUES ({info.TaskId}, {step}, {info.Attempt}, {items}, now())
        ON CONFLICT (task_id, step) DO NOTHING
        """;

    // The committed steps of one item list (`name/0`, `name/1`, ...), as "Value" for SqlQuery<string>.
    public static FormattableString Committed(string taskId, string name) =>
        $"SELECT step AS \"Value\" FROM taskmanager.task_steps WHERE task_id = {taskId} AND step LIKE {name + "/%"}";
}
