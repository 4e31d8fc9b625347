namespace Workers.TaskManager.Outbox;

// A test hook, not a setting: WORKERS_FAILPOINT=outbox-before-publish or outbox-after-publish makes the dispatcher
// kill its process (Environment.FailFast: no finally, no shutdown, like kill -9) at that point of a publishing
// round, so the crash tests hit "committed, not published" and "published, not marked sent" deterministically.
internal static class OutboxFailpoints
{
    public const string Variable = "WORKERS_FAILPOINT";
    public const string BeforePublish = "outbox-before-publish";
    public const string AfterPublish = "outbox-after-publish";

    private static readonly string? Armed = Environment.GetEnvironmentVariable(Variable);

    public static void Hit(string point)
    {
        if (string.Equals(Armed, point, StringComparison.Ordinal))
        {
            Environment.FailFast($"Failpoint {point} ({Variable}): the process stops here, as if killed.");
        }
    }
}
