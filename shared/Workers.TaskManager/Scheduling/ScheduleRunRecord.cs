namespace Workers.TaskManager.Scheduling;

/// <summary>
/// One occurrence of a schedule (<c>taskmanager.schedule_runs</c>), written in the same transaction as its
/// outbox row: its key (schedule, occurrence) is the occurrence's one identity fleet-wide, and the latest is the
/// schedule's watermark. A "skipped" row stands for every occurrence older than the catch-up window that a round
/// passed over (<see cref="SkippedCount"/> of them, from <see cref="SkippedFrom"/> to <see cref="OccurrenceAt"/>).
/// </summary>
public sealed class ScheduleRunRecord
{
    /// <summary>Enqueued through the outbox.</summary>
    public const string Enqueued = "enqueued";

    /// <summary>Missed beyond the catch-up window; not enqueued.</summary>
    public const string Skipped = "skipped";

    /// <summary>The schedule.</summary>
    public required string Schedule { get; set; }

    /// <summary>The occurrence (UTC); for a skipped row, the last one skipped.</summary>
    public DateTimeOffset OccurrenceAt { get; set; }

    /// <summary>The task enqueued for it; null for a skipped row.</summary>
    public string? TaskId { get; set; }

    /// <summary><see cref="Enqueued"/> or <see cref="Skipped"/>.</summary>
    public required string Outcome { get; set; }

    /// <summary>How many occurrences a skipped row stands for; 0 for an enqueued one.</summary>
    public long SkippedCount { get; set; }

    /// <summary>The first occurrence a skipped row stands for.</summary>
    public DateTimeOffset? SkippedFrom { get; set; }

    /// <summary>When the round wrote it (the host's clock).</summary>
    public DateTimeOffset RecordedAt { get; set; }
}
