using Workers.Fleet;
using Workers.Testing;

namespace Workers.TaskManager.Tests.Outbox;

// Three workers: "test" may publish to "follow" (its publishesTo); "other" is declared but not a target of "test".
internal static class OutboxFleet
{
    public const string Workers = """
        {
          "test": { "taskTypes": { "echo": {} }, "publishesTo": ["follow"] },
          "follow": { "taskTypes": { "followUp": {} } },
          "other": { "taskTypes": { "echo": {} } }
        }
        """;

    public static readonly string Json = TestFleet.Json(Workers, chunkSize: 3);

    public static readonly FleetDeclaration Declaration = FleetDeclaration.Parse(Json);

    public static FleetWorker Test => Declaration.Worker("test");

    public static FleetWorker Follow => Declaration.Worker("follow");
}
