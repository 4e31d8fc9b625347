using System.Globalization;
using System.Text;
using Workers.Fleet;

namespace Workers.Testing;

/// <summary>Fleet declarations for tests: the repository's naming and defaults, with the workers a test needs.</summary>
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

        return FleetDeclaration.Parse(Json($$"""{ "{{worker}}": { "taskTypes": { {{types.ToString().TrimEnd(',')}} } } }""")).Worker(worker);
    }

    /// <summary>
    /// A declaration's JSON with <paramref name="workers"/> (the "workers" object) and, if given,
    /// <paramref name="schedules"/> (the "schedules" object); queue names, bucket and defaults as the repository's.
    /// </summary>
    public static string Json(string workers, string? schedules = null, int maxInFlight = 20, int chunkSize = 100) =>
        $$"""
        {
          "application": "workers",
          "queueNames": { "queue": "{application}-{environment}-{worker}.fifo", "deadLetterQueue": "{application}-{environment}-{worker}-dlq.fifo" },
          "bucket": "{application}-{environment}-artifacts",
          "defaults": {
            "maxReceiveCount": 3, "visibilityTimeoutSeconds": 30, "messageRetentionSeconds": 345600,
            "deadLetterRetentionSeconds": 1209600, "maxInFlight": {{maxInFlight}},
            "taskType": { "chunkSize": {{chunkSize}}, "timeoutSeconds": 30, "chunkCooldownMilliseconds": 0 }
          },
          "workers": {{workers}}{{(schedules is null ? "" : $",\n  \"schedules\": {schedules}")}}
        }
        """;
}

/// <summary>A task type of a test worker.</summary>
public sealed record TestTaskType(string Name, int ChunkSize = 100, int TimeoutSeconds = 30, int ChunkCooldownMilliseconds = 0);
