using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Workers.TaskManager.Telemetry;

/// <summary>
/// The TaskManager's instruments, on the meter <c>Workers.TaskManager</c>. The EMF writer turns them into
/// CloudWatch metrics; any other MeterListener (OpenTelemetry, dotnet-counters) can read them too.
/// </summary>
public sealed class TaskManagerMetrics
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "Workers.TaskManager";

    /// <summary>Tasks handled, tagged <c>task_type</c> and <c>outcome</c>.</summary>
    public const string TasksName = "workers.tasks";

    /// <summary>Handler duration in milliseconds, tagged <c>task_type</c> and <c>outcome</c>.</summary>
    public const string DurationName = "workers.task.duration";

    /// <summary>Visibility extensions granted to messages still being handled.</summary>
    public const string HeartbeatsName = "workers.heartbeats";

    /// <summary>Seconds a dependency was down while the worker held its messages, tagged <c>dependency</c>.</summary>
    public const string UnavailableName = "workers.dependency.unavailable";

    /// <summary>Outbox tasks the dispatcher handed to SQS, tagged <c>outcome</c> (<c>published</c> or <c>failed</c>).</summary>
    public const string OutboxName = "workers.outbox.tasks";

    /// <summary>Schedule occurrences the scheduler handled, tagged <c>schedule</c> and <c>outcome</c> (<c>enqueued</c> or <c>skipped</c>).</summary>
    public const string OccurrencesName = "workers.scheduler.occurrences";

    private readonly Counter<long> _tasks;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _received;
    private readonly Counter<long> _heartbeats;
    private readonly Counter<long> _settleFailures;
    private readonly Counter<double> _unavailable;
    private readonly Counter<long> _outbox;
    private readonly Counter<long> _occurrences;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public TaskManagerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _tasks = meter.CreateCounter<long>(TasksName, "{task}", "Tasks handled");
        _duration = meter.CreateHistogram<double>(DurationName, "ms", "Handler duration");
        _received = meter.CreateCounter<long>("workers.messages.received", "{message}", "Messages received");
        _heartbeats = meter.CreateCounter<long>(HeartbeatsName, "{extension}", "Visibility extensions");
        _settleFailures = meter.CreateCounter<long>("workers.settle.failures", "{entry}", "Deletes and visibility changes SQS refused");
        _unavailable = meter.CreateCounter<double>(UnavailableName, "s", "Time a dependency was down while the worker waited for it");
        _outbox = meter.CreateCounter<long>(OutboxName, "{task}", "Outbox tasks published or failed");
        _occurrences = meter.CreateCounter<long>(OccurrencesName, "{occurrence}", "Schedule occurrences enqueued or skipped");
    }

    internal void Handled(string taskType, TaskOutcome outcome, double durationMs)
    {
        var tags = new TagList { { "task_type", taskType }, { "outcome", OutcomeTag(outcome) } };
        _tasks.Add(1, tags);
        _duration.Record(durationMs, tags);
    }

    internal void Received(int count) => _received.Add(count);

    internal void Heartbeat() => _heartbeats.Add(1);

    internal void SettleFailed(string operation) => _settleFailures.Add(1, new KeyValuePair<string, object?>("operation", operation));

    internal void DependencyUnavailable(string dependency, TimeSpan duration) =>
        _unavailable.Add(duration.TotalSeconds, new KeyValuePair<string, object?>("dependency", dependency));

    internal void Outbox(int published, int failed)
    {
        if (published > 0)
        {
            _outbox.Add(published, new KeyValuePair<string, object?>("outcome", "published"));
        }

        if (failed > 0)
        {
            _outbox.Add(failed, new KeyValuePair<string, object?>("outcome", "failed"));
        }
    }

    internal void Occurrences(string schedule, int enqueued, long skipped)
    {
        if (enqueued > 0)
        {
            _occurrences.Add(enqueued, new TagList { { "schedule", schedule }, { "outcome", "enqueued" } });
        }

        if (skipped > 0)
        {
            _occurrences.Add(skipped, new TagList { { "schedule", schedule }, { "outcome", "skipped" } });
        }
    }

    internal static string OutcomeTag(TaskOutcome outcome) => outcome switch
    {
        TaskOutcome.Succeeded => "succeeded",
        TaskOutcome.Duplicate => "duplicate",
        TaskOutcome.Failed or TaskOutcome.RetryInPlace => "failed",
        TaskOutcome.DeadLettered => "dead_lettered",
        TaskOutcome.WaitingForDependency => "held",
        _ => "released",
    };
}
