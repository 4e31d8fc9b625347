namespace Workers.TaskManager;

/// <summary>
/// A failure of something the task depends on, not of the task: an external API answering 429 or 503, an SMTP
/// server's 4xx, a service that cannot be reached. Throw it from a handler and the TaskManager keeps the message
/// (its receive count does not rise), stops receiving for this worker, probes the dependency with backoff (by
/// running this message again) and resumes when it answers. Past <c>TaskManager:Outage:MaxHold</c> the message
/// goes back to the queue with backoff like any failure. PostgreSQL, S3 and SQS outages are recognised without it.
/// </summary>
public class TransientDependencyException : Exception
{
    /// <summary>Creates the exception for <paramref name="dependency"/>.</summary>
    /// <param name="dependency">A short, stable name for what failed (<c>smtp</c>, <c>ochanoko</c>); one circuit per name.</param>
    /// <param name="message">What happened, for the logs and the error record.</param>
    /// <param name="retryAfter">When the dependency said to come back (an HTTP Retry-After), if it did.</param>
    /// <param name="innerException">The underlying failure.</param>
    public TransientDependencyException(string dependency, string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dependency);
        Dependency = dependency;
        RetryAfter = retryAfter;
    }

    /// <summary>The dependency's name.</summary>
    public string Dependency { get; }

    /// <summary>The earliest time worth probing again, if the dependency said.</summary>
    public TimeSpan? RetryAfter { get; }
}
