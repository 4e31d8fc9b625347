namespace Workers.TaskManager.Persistence;

// A task that succeeded, waiting to be written to taskmanager.tasks.
internal readonly record struct TaskCompletion(TaskInfo Info, DateTimeOffset FinishedAt, double DurationMs);
