namespace Workers.TaskManager.Persistence;

// One failed delivery, as recorded in taskmanager.task_errors (and summarised on the task's row).
internal sealed record TaskFailure(
    string Worker,
    string MessageId,
    string? GroupId,
    int Attempt,
    string? TaskId,
    string? TaskType,
    bool Permanent,
    string Kind,
    Exception Exception,
    TaskState NewState);
