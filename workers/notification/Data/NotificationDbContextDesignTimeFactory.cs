using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Workers.TaskManager.Persistence;

namespace Workers.Notification.Data;

// Lets `dotnet ef migrations add` build the model without a running database or host.
internal sealed class NotificationDbContextDesignTimeFactory : IDesignTimeDbContextFactory<NotificationDbContext>
{
    public NotificationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NotificationDbContext>()
            .UseNpgsql(
                "Host=localhost;Database=design_time",
                npgsql => npgsql.MigrationsHistoryTable(DatabaseServiceCollectionExtensions.MigrationsHistoryTable, NotificationDbContext.Schema))
            .Options);
}
