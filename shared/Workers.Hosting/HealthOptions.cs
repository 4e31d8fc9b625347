using System.ComponentModel.DataAnnotations;

namespace Workers.Hosting;

/// <summary>
/// The health file (section <c>Health</c>): the host writes its health checks' result there every
/// <see cref="Period"/>; the ECS container health check runs the worker with the argument <c>healthcheck</c>,
/// which reads it. No HTTP listener, curl or shell is needed in the image.
/// </summary>
public sealed class HealthOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Health";

    /// <summary>Where the result is written.</summary>
    [Required]
    public string FilePath { get; set; } = Path.Combine(Path.GetTempPath(), "worker-health.json");

    /// <summary>How often the checks run.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A result older than this counts as unhealthy: the host stopped writing it.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(60);
}
