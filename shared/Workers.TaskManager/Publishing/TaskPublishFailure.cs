namespace Workers.TaskManager.Publishing;

/// <summary>A task SQS refused.</summary>
/// <param name="TaskId">The task id.</param>
/// <param name="TaskType">The task type.</param>
/// <param name="Code">SQS's error code.</param>
/// <param name="Reason">SQS's message.</param>
public sealed record TaskPublishFailure(string TaskId, string TaskType, string Code, string Reason);
