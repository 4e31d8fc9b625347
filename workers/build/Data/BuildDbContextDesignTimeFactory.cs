using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Workers.TaskManager.Persistence;

namespace Workers.Build.Data;

// Lets `dotnet ef migrations add` build the model without a running database or host.
internal sealed class BuildDbContextDesignTimeFactory : IDesignTimeDbContextFactory<BuildDbContext>
{
    public BuildDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BuildDbContext>()
            .UseNpgsql(
                "Host=localhost;Database=design_time",
                npgsql => npgsql.MigrationsHistoryTable(DatabaseServiceCollectionExtensions.MigrationsHistoryTable, BuildDbContext.Schema))
            .Options);
}
