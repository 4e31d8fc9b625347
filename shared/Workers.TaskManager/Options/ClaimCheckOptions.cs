using System.ComponentModel.DataAnnotations;

namespace Workers.TaskManager.Options;

/// <summary>
/// When a task travels through S3 instead of inside the message (section <c>ClaimCheck</c>). SQS takes messages up
/// to 1 MiB, but SNS (which Copilot puts in front of worker queues) only 256 KiB, and SQS bills each 64 KiB as a
/// request: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html
/// Where stored bodies go is not a setting: readers honour only the fleet's own prefix (<see cref="References.FleetKeys"/>).
/// </summary>
public sealed class ClaimCheckOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ClaimCheck";

    /// <summary>An envelope larger than this many bytes has its body stored in S3.</summary>
    [Range(1024, 1_048_576)]
    public int ThresholdBytes { get; set; } = 256 * 1024;
}
