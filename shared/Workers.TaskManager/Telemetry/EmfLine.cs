using System.Text;
using System.Text.Json;

namespace Workers.TaskManager.Telemetry;

// One EMF document: a root object whose _aws.CloudWatchMetrics directive tells CloudWatch Logs which members are
// metrics and which are dimensions. Durations are an array (at most 100 values, EMF's limit per metric).
internal static class EmfLine
{
    public static string Format(string metricNamespace, long timestamp, string worker, string environment, string taskType, EmfAggregate aggregate)
    {
        // A metric must have a value: a period with only duplicates has no durations to report.
        var durations = aggregate.Durations();
        string[] metrics = durations.Length > 0
            ? ["TasksSucceeded", "TasksFailed", "TasksDeadLettered", "TaskDuration"]
            : ["TasksSucceeded", "TasksFailed", "TasksDeadLettered"];
        return Write(metricNamespace, timestamp, "TaskType", metrics, "Count", json =>
        {
            json.WriteString("Worker", worker);
            json.WriteString("TaskType", taskType);
            json.WriteString("Environment", environment);
            json.WriteNumber("TasksSucceeded", Interlocked.Read(ref aggregate.Succeeded));
            json.WriteNumber("TasksFailed", Interlocked.Read(ref aggregate.Failed));
            json.WriteNumber("TasksDeadLettered", Interlocked.Read(ref aggregate.DeadLettered));
            json.WriteNumber("TasksDuplicate", Interlocked.Read(ref aggregate.Duplicates));
            if (durations.Length > 0)
            {
                json.WriteStartArray("TaskDuration");
                foreach (var duration in durations)
                {
                    json.WriteNumberValue(Math.Round(duration, 3));
                }

                json.WriteEndArray();
            }
        });
    }

    // Seconds a dependency was down while the worker waited for it, under [Environment, Worker] and
    // [Environment, Worker, Dependency]: an alarm can watch any outage, a dashboard can tell them apart.
    public static string FormatUnavailable(string metricNamespace, long timestamp, string worker, string environment, string dependency, double seconds) =>
        Write(metricNamespace, timestamp, "Dependency", ["DependencyUnavailableSeconds"], "Seconds", json =>
        {
            json.WriteString("Worker", worker);
            json.WriteString("Dependency", dependency);
            json.WriteString("Environment", environment);
            json.WriteNumber("DependencyUnavailableSeconds", Math.Round(seconds, 3));
        });

    // The directive, then the members `values` writes. Environment is in every dimension set: staging and
    // production may share an account and region, and an alarm on one must not count the other's failures.
    private static string Write(string metricNamespace, long timestamp, string detail, string[] metrics, string unit, Action<Utf8JsonWriter> values)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", timestamp);
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", metricNamespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            json.WriteStringValue("Environment");
            json.WriteStringValue("Worker");
            json.WriteEndArray();
            json.WriteStartArray();
            json.WriteStringValue("Environment");
            json.WriteStringValue("Worker");
            json.WriteStringValue(detail);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            foreach (var metric in metrics)
            {
                json.WriteStartObject();
                json.WriteString("Name", metric);
                json.WriteString("Unit", metric == "TaskDuration" ? "Milliseconds" : unit);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            values(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
