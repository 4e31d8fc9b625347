namespace Workers.TaskManager.Consuming;

/// <summary>
/// What the TaskManager adds to a message it moves to the dead-letter queue itself (a failure retrying cannot
/// fix). Messages SQS moves after maxReceiveCount keep their id; their errors are in <c>taskmanager.task_errors</c>.
/// </summary>
public static class DeadLetterMessages
{
    /// <summary>
    /// The message attribute holding the <see cref="DeadLetters.DeadLetterNote"/> (its JSON): why the message was
    /// moved, and its original message id, under which <c>taskmanager.task_errors</c> holds the full error.
    /// </summary>
    public const string FailureAttribute = "Workers.Failure";
}
