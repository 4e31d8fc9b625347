using System.Diagnostics;

namespace Workers.TaskManager.Telemetry;

// The TaskManager's spans. A publish is a "send <worker>" Producer span whose context travels in the envelope's
// traceparent; each delivery is a "process <task type>" Consumer span that continues it, so the request that
// caused a task, the task's handler and the database statements it ran are one trace. Without an
// ActivityListener (no tracing exporter) the source hands out nothing: the consumer then starts a plain Activity,
// so log lines still carry the trace id, and a publish reuses the caller's context as before.
internal static class TaskActivity
{
    public const string SourceName = "Workers.TaskManager";

    public static readonly ActivitySource Source = new(SourceName);

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

    // The consumer span's attributes, once the envelope has been read; only when something records them.
    public static void Describe(Activity activity, TaskInfo info)
    {
        if (!activity.IsAllDataRequested || activity.Source != Source)
        {
            return;
        }

        activity.SetTag(MessagingTags.System, MessagingTags.SqsSystem);
        activity.SetTag(MessagingTags.OperationType, "process");
        activity.SetTag(MessagingTags.OperationName, "process");
        activity.SetTag(MessagingTags.Destination, info.Worker);
        activity.SetTag(MessagingTags.MessageId, info.MessageId);
        activity.SetTag(MessagingTags.DeliveryCount, info.Attempt);
        activity.SetTag(MessagingTags.TaskId, info.TaskId);
        activity.SetTag(MessagingTags.TaskType, info.TaskType);
        activity.SetTag(MessagingTags.GroupId, info.GroupId);
    }

    // A failed delivery: the span is an error with the exception's type and message (never the body).
    public static void Failed(Activity? activity, Exception exception)
    {
        if (activity is null || !activity.IsAllDataRequested)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.SetTag("error.type", exception.GetType().FullName);
    }

    // An Internal span per step (a chunk or a transaction step) under the delivery's span, so a trace shows
    // which chunks this attempt committed, which an earlier attempt had (outcome "done before") and where the
    // time went. Null when nothing listens: a 100,000-row import has a thousand steps.
    public static Activity? StartStep(string step, int items)
    {
        var activity = Source.StartActivity("step " + step);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(MessagingTags.Step, step);
            activity.SetTag(MessagingTags.StepItems, items);
        }

        return activity;
    }

    // A Producer span for one task published to <worker>'s queue, child of the caller's span or of the trace the
    // message carries (an outbox row written in another transaction). Null when nothing listens.
    public static Activity? StartSend(string worker, string taskId, string taskType, string groupId, string? traceParent)
    {
        var activity = ActivityContext.TryParse(traceParent, null, out var parent)
            ? Source.StartActivity("send " + worker, ActivityKind.Producer, parent)
            : Source.StartActivity("send " + worker, ActivityKind.Producer);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(MessagingTags.System, MessagingTags.SqsSystem);
            activity.SetTag(MessagingTags.OperationType, "send");
            activity.SetTag(MessagingTags.OperationName, "send");
            activity.SetTag(MessagingTags.Destination, worker);
            activity.SetTag(MessagingTags.TaskId, taskId);
            activity.SetTag(MessagingTags.TaskType, taskType);
            activity.SetTag(MessagingTags.GroupId, groupId);
        }

        return activity;
    }
}
