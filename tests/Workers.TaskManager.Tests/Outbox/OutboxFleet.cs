using Workers.Fleet;

namespace Workers.TaskManager.Tests.Outbox;

// Three workers: "test" may publish to "follow" (its publishesTo); "other" is declared but not a target of "test".
internal static class OutboxFleet
{
    public const string Json = """
        {
          "application": "workers",
          "queueNames": { "queue": "{application}-{environment}-{worker}.fifo", "deadLetterQueue": "{application}-{environment}-{worker}-dlq.fifo" },
          "bucket": "{application}-{environment}-artifacts",
          "defaults": {
            "maxReceiveCount": 3, "visibilityTimeoutSeconds": 30, "messageRetentionSeconds": 345600,
            "deadLetterRetentionSeconds": 1209600, "maxInFlight": 20,
            "taskType": { "chunkSize": 3, "timeoutSeconds": 30, "chunkCooldownMilliseconds": 0 }
          },
          "workers": {
            "test": { "taskTypes": { "echo": {} }, "publishesTo": ["follow"] },
            "follow": { "taskTypes": { "followUp": {} } },
            "other": { "taskTypes": { "echo": {} } }
          }
        }
        """;

    public static readonly FleetDeclaration Declaration = FleetDeclaration.Parse(Json);

    public static FleetWorker Test => Declaration.Worker("test");

    public static FleetWorker Follow => Declaration.Worker("follow");
}
