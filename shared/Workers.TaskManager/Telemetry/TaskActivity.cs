using System.Diagnostics;

namespace Workers.TaskManager.Telemetry;

// One Activity per delivery, continuing the publisher's trace (the envelope's traceparent), so every log line
// of a task carries the trace id of the request that caused it. Without an ActivityListener (no tracing
// exporter) the source hands out nothing, so a plain Activity is started instead: logs still get trace ids.
internal static class TaskActivity
{
    public static readonly ActivitySource Source = new("Workers.TaskManager");

    public static Activity Start(string taskType, string? traceParent)
    {
        var hasParent = ActivityContext.TryParse(traceParent, null, out var parent);
        var name = "process " + taskType;
        var activity = hasParent
            ? Source.StartActivity(name, ActivityKind.Consumer, parent)
            : Source.StartActivity(name, ActivityKind.Consumer);
        if (activity is not null)
        {
            return activity;
        }

        activity = new Activity(name);
        if (hasParent)
        {
            activity.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
        }

        return activity.Start();
    }
}
