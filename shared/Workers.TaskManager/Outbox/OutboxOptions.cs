using System.ComponentModel.DataAnnotations;

namespace Workers.TaskManager.Outbox;

/// <summary>
/// The outbox dispatcher every worker host with a database runs (section <c>TaskManager:Outbox</c>). It wakes on
/// the NOTIFY of a committed step, at the next row's due time, and every <see cref="PollInterval"/> in case a
/// notification was lost (a dropped connection drops its notifications).
/// </summary>
public sealed class OutboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "TaskManager:Outbox";

    /// <summary>Run the dispatcher. Turn it off only where another process of the same worker publishes the rows.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Rows taken, published and marked in one transaction (sent in SendMessageBatch calls of 10).</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>The longest the dispatcher sleeps without a notification: how late, at most, a lost NOTIFY is noticed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A row whose publish failed is due again after this, doubling per attempt up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff of a failing row (and of the dispatcher while its database is down).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long sent rows are kept before deletion: operators can see them, and a task id enqueued again within it is not published twice.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often sent rows past the retention are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows deleted per statement, so a cleanup never holds many locks or a long transaction.</summary>
    [Range(1, 100_000)]
    public int CleanupBatchSize { get; set; } = 1000;

    /// <summary>
    /// At shutdown, after the consumer has drained, how long the dispatcher keeps publishing what is due (the
    /// follow-ups of the last chunks). What is left is published by the next process of the worker.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan ShutdownFlushTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
