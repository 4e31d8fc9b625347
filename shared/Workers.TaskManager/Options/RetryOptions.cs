using System.ComponentModel.DataAnnotations;

namespace Workers.TaskManager.Options;

/// <summary>
/// Exponential backoff between failed attempts: attempt n waits <c>BaseDelay × 2^(n−1)</c> (with ±20 % jitter),
/// capped at <see cref="MaxDelay"/>. The wait is the message's visibility timeout, so it is whole seconds.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>The wait after the first failure. Zero retries at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "12:00:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait. SQS caps a visibility timeout at 12 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "12:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);
}
