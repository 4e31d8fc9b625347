using System.ComponentModel.DataAnnotations;

namespace Workers.TaskManager.Options;

/// <summary>
/// CloudWatch metrics as Embedded Metric Format lines on stdout (section <c>Metrics</c>): CloudWatch Logs turns
/// them into metrics when the container's logs reach it, so no CloudWatch SDK or agent is needed.
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
/// </summary>
public sealed class MetricsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Metrics";

    /// <summary>Write EMF lines.</summary>
    public bool Emf { get; set; } = true;

    /// <summary>How often aggregated metrics are written; CloudWatch's standard resolution is one minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The CloudWatch namespace; infra/ alarms read the same one.</summary>
    [Required]
    public string Namespace { get; set; } = "Workers";
}
