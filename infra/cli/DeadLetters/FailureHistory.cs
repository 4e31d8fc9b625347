using Workers.TaskManager.Persistence;

namespace Workers.Cli.DeadLetters;

// What taskmanager.task_errors recorded about one dead-lettered message: every failed attempt of its task.
internal sealed record FailureHistory(int Count, DateTimeOffset First, DateTimeOffset Last, TaskErrorRecord Latest)
{
    public static FailureHistory? From(IReadOnlyCollection<TaskErrorRecord> errors) =>
        errors.Count == 0
            ? null
            : new FailureHistory(
                errors.Count,
                errors.Min(e => e.OccurredAt),
                errors.Max(e => e.OccurredAt),
                errors.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Last());
}
