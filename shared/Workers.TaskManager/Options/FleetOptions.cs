using System.ComponentModel.DataAnnotations;

namespace Workers.TaskManager.Options;

/// <summary>Where this process finds the fleet's queues and bucket (section <c>Fleet</c>).</summary>
public sealed class FleetOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Fleet";

    /// <summary>
    /// The environment substituted into queue and bucket names: Copilot's <c>COPILOT_ENVIRONMENT_NAME</c> when
    /// deployed, <c>local</c> on the local stack.
    /// </summary>
    [Required]
    [RegularExpression("^[a-z][a-z0-9-]{0,20}$")]
    public string Environment { get; set; } =
        System.Environment.GetEnvironmentVariable("COPILOT_ENVIRONMENT_NAME") ?? "local";

    /// <summary>Queue URLs by worker name, for queues not named by the fleet's pattern (Copilot's, say).</summary>
    public Dictionary<string, Uri> QueueUrls { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The claim-check and artifact bucket; by default the fleet's bucket pattern.</summary>
    public string? Bucket { get; set; }
}
