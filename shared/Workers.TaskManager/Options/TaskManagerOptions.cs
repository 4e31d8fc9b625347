using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Workers.TaskManager.Options;

/// <summary>
/// How the consumer polls, holds and settles messages. Defaults come from the fleet declaration; the section
/// <c>TaskManager</c> overrides them. The SQS limits cited below are from
/// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html and
/// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html.
/// </summary>
public sealed class TaskManagerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "TaskManager";

    /// <summary>The worker's name in the fleet declaration.</summary>
    [Required]
    public string Worker { get; set; } = "";

    /// <summary>The queue to consume; else Copilot's <c>COPILOT_QUEUE_URI</c>; else the fleet's queue name.</summary>
    public Uri? QueueUrl { get; set; }

    /// <summary>Messages held at once (received, queued behind their group, or running). More than 10 is the point.</summary>
    [Range(1, 10_000)]
    public int MaxInFlight { get; set; } = 50;

    /// <summary>
    /// The most long polls at once; by default one per 10 messages of <see cref="MaxInFlight"/>, at most 10. The
    /// consumer polls with one and adds one while receives come back full and the in-flight limit has room for
    /// another batch; an empty receive takes it back to one.
    /// </summary>
    [Range(1, 100)]
    public int? Pollers { get; set; }

    /// <summary>Long-poll wait. SQS allows 0 to 20 seconds.</summary>
    [Range(0, 20)]
    public int WaitTimeSeconds { get; set; } = 20;

    /// <summary>Messages per receive. SQS allows 1 to 10.</summary>
    [Range(1, 10)]
    public int BatchSize { get; set; } = 10;

    /// <summary>Visibility timeout asked for on receive and granted by each heartbeat. SQS allows up to 12 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "12:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Visibility asked for on receive; the heartbeat extends held messages to <see cref="VisibilityTimeout"/>.
    /// Kept short because a long poll cancelled at shutdown still completes on the SQS side, and the messages it
    /// takes stay invisible for this long with no one to handle them (aws-sdk-java-v2#1395, aws-sdk-go-v2#2068).
    /// By default the smaller of 10 s and the visibility timeout.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "12:00:00")]
    public TimeSpan? ReceiveVisibilityTimeout { get; set; }

    /// <summary>How often the heartbeat looks for messages about to become visible; by default a quarter of the receive visibility timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan? HeartbeatInterval { get; set; }

    /// <summary>On shutdown, how long running handlers may finish. Keep it under ECS's stop timeout (30 s by default).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:50")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>After the drain timeout, how long cancelled handlers get to unwind before their messages are released.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan ForcedStopGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Backoff between failed attempts.</summary>
    [ValidateObjectMembers]
    public RetryOptions Retry { get; set; } = new();

    /// <summary>Holding messages through a dependency outage instead of spending their receives.</summary>
    [ValidateObjectMembers]
    public OutageOptions Outage { get; set; } = new();

    /// <summary>Used when the queue's redrive policy cannot be read; the queue's own setting wins.</summary>
    [Range(1, 1000)]
    public int MaxReceiveCount { get; set; } = 3;

    /// <summary>Largest task body accepted, inline or through a claim check; a larger one is dead-lettered.</summary>
    [Range(1024, 1L << 30)]
    public long MaxBodyBytes { get; set; } = 64L << 20;

    /// <summary>Record every finished task (batched) so <c>workers task &lt;id&gt;</c> can show it.</summary>
    public bool RecordCompletedTasks { get; set; } = true;

    /// <summary>Per-task-type overrides of the fleet declaration's settings.</summary>
    public Dictionary<string, TaskTypeOverride> TaskTypes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The receive visibility timeout actually used.</summary>
    public TimeSpan EffectiveReceiveVisibilityTimeout =>
        ReceiveVisibilityTimeout ?? (VisibilityTimeout < TimeSpan.FromSeconds(10) ? VisibilityTimeout : TimeSpan.FromSeconds(10));

    /// <summary>The heartbeat period actually used.</summary>
    public TimeSpan EffectiveHeartbeatInterval => HeartbeatInterval ?? EffectiveReceiveVisibilityTimeout / 4;

    /// <summary>The number of pollers actually used.</summary>
    public int EffectivePollers => Pollers ?? Math.Clamp((MaxInFlight + BatchSize - 1) / BatchSize, 1, 10);
}
