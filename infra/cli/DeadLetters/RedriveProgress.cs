namespace Workers.Cli.DeadLetters;

// One reading of a redrive: how many moved out of how many, with the message just moved (one by one) or the
// move task's status (StartMessageMoveTask).
internal sealed record RedriveProgress(long Moved, long Total, MovedMessage? Last, string? Status)
{
    public string Describe()
    {
        var counts = $"moved {Moved}/{Math.Max(Total, Moved)}";
        if (Last is { } last)
        {
            var task = last.TaskId is { } taskId ? $"{last.TaskType ?? "?"} {taskId}" : $"message {last.DeadLetterMessageId}";
            return $"{counts}: {task} (group {last.GroupId ?? "-"})";
        }

        return Status is null ? counts : $"{counts} ({Status})";
    }
}
