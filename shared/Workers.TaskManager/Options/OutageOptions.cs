using System.ComponentModel.DataAnnotations;

namespace Workers.TaskManager.Options;

/// <summary>
/// What the consumer does while a dependency (PostgreSQL, S3, SQS, or one a handler declares with
/// <see cref="TransientDependencyException"/>) is down: it holds the messages that met the outage (the heartbeat
/// keeps them invisible, so their receive counts do not rise), receives nothing new, probes the dependency with
/// backoff, and retries the held messages in place once it answers.
/// </summary>
public sealed class OutageOptions
{
    /// <summary>
    /// How long one message may be held waiting for a dependency; past it, it goes back to the queue with backoff
    /// like any failure and spends a receive. Far inside the 12 hours SQS lets a message stay invisible after a
    /// receive (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "11:00:00")]
    public TimeSpan MaxHold { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The first wait before probing a dependency that failed; it doubles (±20 %) up to <see cref="ProbeMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ProbeBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between probes: how late, at most, the worker notices that a dependency is back.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ProbeMaxDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Failure records kept in memory while the database is down, written when it is back.</summary>
    [Range(0, 1_000_000)]
    public int MaxPendingFailureRecords { get; set; } = 10_000;
}
