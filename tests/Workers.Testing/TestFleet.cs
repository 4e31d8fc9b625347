using System.Globalization;
using System.Text;
using Workers.Fleet;

namespace Workers.Testing;

/// <summary>A fleet declaration with one worker and the task types a test needs.</summary>
public static class TestFleet
{
    /// <summary>A worker named <paramref name="worker"/> with <paramref name="taskTypes"/>, defaults elsewhere.</summary>
    public static FleetWorker Worker(string worker, params TestTaskType[] taskTypes)
    {
        ArgumentNullException.ThrowIfNull(taskTypes);
        var types = new StringBuilder();
        foreach (var t in taskTypes)
        {
            types.Append(CultureInfo.InvariantCulture, $"\"{t.Name}\": {{ \"chunkSize\": {t.ChunkSize}, \"timeoutSeconds\": {t.TimeoutSeconds}, \"chunkCooldownMilliseconds\": {t.ChunkCooldownMilliseconds} }},");
        }

        var json = $$"""
            {
              "application": "workers",
              "queueNames": { "queue": "{application}-{environment}-{worker}.fifo", "deadLetterQueue": "{application}-{environment}-{worker}-dlq.fifo" },
              "bucket": "{application}-{environment}-artifacts",
              "defaults": {
                "maxReceiveCount": 3, "visibilityTimeoutSeconds": 30, "messageRetentionSeconds": 345600,
                "deadLetterRetentionSeconds": 1209600, "maxInFlight": 20,
                "taskType": { "chunkSize": 100, "timeoutSeconds": 30, "chunkCooldownMilliseconds": 0 }
              },
              "workers": { "{{worker}}": { "taskTypes": { {{types.ToString().TrimEnd(',')}} } } }
            }
            """;
        return FleetDeclaration.Parse(json).Worker(worker);
    }
}

/// <summary>A task type of a test worker.</summary>
public sealed record TestTaskType(string Name, int ChunkSize = 100, int TimeoutSeconds = 30, int ChunkCooldownMilliseconds = 0);
