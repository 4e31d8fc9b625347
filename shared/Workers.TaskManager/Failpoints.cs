namespace Workers.TaskManager;

// A test hook, not a setting: WORKERS_FAILPOINT=<point> makes the process kill itself (Environment.FailFast: no
// finally, no shutdown, like kill -9) when it reaches that point, so the crash tests hit the windows between a
// commit and what follows it deterministically:
//   outbox-before-publish / outbox-after-publish   a dispatcher round: committed, not published / published, not marked sent
//   scheduler-before-commit / scheduler-after-commit   a scheduler round: occurrences written, not committed / committed
internal static class Failpoints
{
    public const string Variable = "WORKERS_FAILPOINT";
    public const string OutboxBeforePublish = "outbox-before-publish";
    public const string OutboxAfterPublish = "outbox-after-publish";
    public const string SchedulerBeforeCommit = "scheduler-before-commit";
    public const string SchedulerAfterCommit = "scheduler-after-commit";

    private static readonly string? Armed = Environment.GetEnvironmentVariable(Variable);

    public static void Hit(string point)
    {
        if (string.Equals(Armed, point, StringComparison.Ordinal))
        {
            Environment.FailFast($"Failpoint {point} ({Variable}): the process stops here, as if killed.");
        }
    }
}
