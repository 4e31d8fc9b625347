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
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", timestamp);
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", metricNamespace);
            // Environment is in every set: staging and production may share an account and region, and an
            // alarm on one must not count the other's failures.
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            json.WriteStringValue("Environment");
            json.WriteStringValue("Worker");
            json.WriteEndArray();
            json.WriteStartArray();
            json.WriteStringValue("Environment");
            json.WriteStringValue("Worker");
            json.WriteStringValue("TaskType");
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            Metric(json, "TasksSucceeded", "Count");
            Metric(json, "TasksFailed", "Count");
            Metric(json, "TasksDeadLettered", "Count");
            if (durations.Length > 0)
            {
                Metric(json, "TaskDuration", "Milliseconds");
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
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

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    // Seconds a dependency was down while the worker waited for it, under [Environment, Worker] and
    // [Environment, Worker, Dependency]: an alarm can watch any outage, a dashboard can tell them apart.
    public static string FormatUnavailable(string metricNamespace, long timestamp, string worker, string environment, string dependency, double seconds)
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
            json.WriteStringValue("Dependency");
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            Metric(json, "DependencyUnavailableSeconds", "Seconds");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("Worker", worker);
            json.WriteString("Dependency", dependency);
            json.WriteString("Environment", environment);
            json.WriteNumber("DependencyUnavailableSeconds", Math.Round(seconds, 3));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Metric(Utf8JsonWriter json, string name, string unit)
    {
        json.WriteStartObject();
        json.WriteString("Name", name);
        json.WriteString("Unit", unit);
        json.WriteEndObject();
    }
}
