using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workers.TaskManager.Persistence;

// Lets `dotnet ef migrations add` build the model without a running database or host.
internal sealed class TaskStoreDesignTimeFactory : IDesignTimeDbContextFactory<TaskStoreDbContext>
{
    public TaskStoreDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TaskStoreDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations", TaskStoreDbContext.Schema))
            .Options);
}
