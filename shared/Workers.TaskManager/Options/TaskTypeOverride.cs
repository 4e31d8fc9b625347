using System.ComponentModel.DataAnnotations;

namespace Workers.TaskManager.Options;

/// <summary>Overrides one task type's fleet settings from configuration (e.g. a slower partner API this week).</summary>
public sealed class TaskTypeOverride
{
    /// <summary>Items per chunk.</summary>
    [Range(1, 100_000)]
    public int? ChunkSize { get; set; }

    /// <summary>Handler timeout.</summary>
    [Range(1, 43_200)]
    public int? TimeoutSeconds { get; set; }

    /// <summary>Pause between chunks.</summary>
    [Range(0, 60_000)]
    public int? ChunkCooldownMilliseconds { get; set; }
}
