using Workers.Notification.Data;
using Workers.Testing;

namespace Workers.Notification.Tests.Infrastructure;

// Base of the notification worker's tests: the real worker process (WorkerProcessTest) on this test's queue and
// database, sending to the local stack's SMTP and push stand-ins (their settings come from `stack.sh env`).
// Every test mails a domain of its own and pushes to tokens with a prefix of its own.
public abstract class NotificationWorkerTest() : WorkerProcessTest("notification", "Workers.Notification")
{
    protected SmtpAdmin Smtp { get; } = new();

    protected PushAdmin Push { get; } = new();

    // e.g. "@3f9a1c0b7d2e.test": this test's recipients, and nobody else's.
    protected string Domain { get; } = $"@{Guid.NewGuid().ToString("N")[..12]}.test";

    // e.g. "ExponentPushToken[3f9a1c0b7d2e-": this test's device tokens.
    protected string TokenPrefix { get; } = $"ExponentPushToken[{Guid.NewGuid().ToString("N")[..12]}-";

    protected override TestMigrations Migrations => NotificationMigrations.Template;

    public override async ValueTask DisposeAsync()
    {
        Smtp.Dispose();
        Push.Dispose();
        await base.DisposeAsync();
    }

    protected string Address(string name) => name + Domain;

    protected string Token(int n) => $"{TokenPrefix}{n}]";

    private protected NotificationDbContext Db() => NotificationMigrations.Notification(Database.ConnectionString);
}
