namespace Workers.TaskManager;

/// <summary>Who and what a task is: the identifiers every log line and error record of the task carries.</summary>
/// <param name="TaskId">The publisher's task id; the SQS message id when the publisher gave none.</param>
/// <param name="TaskType">The wire name, e.g. <c>updateStock</c>.</param>
/// <param name="Worker">The worker consuming the task.</param>
/// <param name="MessageId">The SQS message id (kept when SQS moves the message to the dead-letter queue).</param>
/// <param name="GroupId">The FIFO message group, or null on a standard queue.</param>
/// <param name="Attempt">SQS's ApproximateReceiveCount: 1 on the first delivery.</param>
public sealed record TaskInfo(
    string TaskId,
    string TaskType,
    string Worker,
    string MessageId,
    string? GroupId,
    int Attempt);
