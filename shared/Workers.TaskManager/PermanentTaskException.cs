namespace Workers.TaskManager;

/// <summary>
/// A failure retrying cannot fix. The TaskManager moves the message to the dead-letter queue at once, with
/// <see cref="Exception.Message"/> as its recorded reason, instead of wasting the remaining receives.
/// </summary>
public class PermanentTaskException : Exception
{
    /// <summary>Creates the exception with the reason operators will read.</summary>
    public PermanentTaskException(string reason)
        : this(reason, FailureKind.Rejected)
    {
    }

    /// <summary>Creates the exception with the reason and the underlying cause.</summary>
    public PermanentTaskException(string reason, Exception innerException)
        : base(reason, innerException) => Kind = FailureKind.Rejected;

    internal PermanentTaskException(string reason, FailureKind kind, Exception? innerException = null)
        : base(reason, innerException) => Kind = kind;

    /// <summary>Why the task could not be processed.</summary>
    public FailureKind Kind { get; }
}
