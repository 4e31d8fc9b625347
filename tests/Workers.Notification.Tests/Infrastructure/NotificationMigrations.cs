using Workers.Notification.Data;
using Workers.Testing;

namespace Workers.Notification.Tests.Infrastructure;

// The template database: the TaskManager's migrations and the worker's own (device tokens), as the notification
// worker's `migrate` command applies them.
internal static class NotificationMigrations
{
    public static readonly TestMigrations Template = new TestMigrations()
        .With(Notification);

    public static NotificationDbContext Notification(string connectionString) =>
        new(TestMigrations.Options<NotificationDbContext>(connectionString, NotificationDbContext.Schema));
}
