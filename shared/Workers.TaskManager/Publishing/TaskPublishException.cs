namespace Workers.TaskManager.Publishing;

/// <summary>Some tasks of a batch were not accepted by SQS; the others were sent.</summary>
public sealed class TaskPublishException(IReadOnlyList<TaskPublishFailure> failures, IReadOnlyList<PublishedTask> published)
    : Exception($"{failures.Count} task(s) were not published: " + string.Join("; ", failures.Select(f => $"{f.TaskType} {f.TaskId}: {f.Code} {f.Reason}")))
{
    /// <summary>The tasks SQS refused, with its reasons.</summary>
    public IReadOnlyList<TaskPublishFailure> Failures { get; } = failures;

    /// <summary>The tasks that were sent.</summary>
    public IReadOnlyList<PublishedTask> Published { get; } = published;
}
