using Workers.Fleet;
using Workers.TaskManager.Scheduling;
using Workers.Testing;

namespace Workers.TaskManager.Tests.Scheduling;

// A worker "test" with schedules in the shops' zone: hourly, Tokyo midnight, Tokyo month ends, and a status sync every
// ten minutes that catches up only its latest missed occurrence.
internal static class SchedulerFleet
{
    public static FleetDeclaration Declaration { get; } = Parse(
        """
        "hourly": { "worker": "test", "taskType": "tick", "cron": "0 * * * *", "timeZone": "Asia/Tokyo", "body": { "n": 1 } },
        "midnight": { "worker": "test", "taskType": "tick", "cron": "0 0 * * *", "timeZone": "Asia/Tokyo", "group": "days" },
        "month-end": { "worker": "test", "taskType": "tick", "cron": "0 0 L * *", "timeZone": "Asia/Tokyo" },
        "status-sync": { "worker": "test", "taskType": "tick", "cron": "*/10 * * * *", "timeZone": "Asia/Tokyo", "catchUp": "latest" }
        """);

    public static FleetWorker Test => Declaration.Worker("test");

    public static ActiveSchedule Schedule(string name, string? cron = null) => new(Declaration.Schedules[name], cron);

    // The fleet of these tests with `schedules` as its "schedules" members.
    public static FleetDeclaration Parse(string schedules) => FleetDeclaration.Parse(
        TestFleet.Json("""{ "test": { "taskTypes": { "tick": {} } }, "other": { "taskTypes": { "echo": {} } } }""", $"{{ {schedules} }}"));
}
