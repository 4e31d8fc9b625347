namespace Workers.TaskManager;

/// <summary>The kinds of failure retrying cannot fix, recorded with a dead-lettered message.</summary>
public enum FailureKind
{
    /// <summary>The handler said so through <see cref="TaskContext{TBody}.Reject"/>.</summary>
    Rejected,

    /// <summary>The message is not JSON, not a task envelope, or an SNS notification around something else.</summary>
    MalformedMessage,

    /// <summary>No handler is registered for the envelope's task type.</summary>
    UnknownTaskType,

    /// <summary>The body does not deserialize to the handler's body type or fails its validation.</summary>
    InvalidBody,

    /// <summary>The body is larger than the configured limit.</summary>
    BodyTooLarge,

    /// <summary>The body was offloaded to S3 (claim check) and the object is gone.</summary>
    ClaimCheckMissing,

    /// <summary>
    /// The handler failed on every allowed attempt while later messages of its FIFO group were held in the
    /// worker, so the TaskManager moved it to the dead-letter queue itself; the reason is the last error.
    /// </summary>
    RetriesExhausted,

    /// <summary>
    /// The message refers to an S3 object outside the fleet (an envelope's <c>bodyRef</c> or a
    /// <see cref="StoredFile"/> in the body): another bucket, another worker's or an unrelated key prefix, or a
    /// path-like key. The object is never read.
    /// </summary>
    ForeignReference,
}
