using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Workers.TaskManager.Persistence;

namespace Workers.Domain;

// Lets `dotnet ef migrations add` build the model without a running database or host.
internal sealed class PosDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PosDbContext>
{
    public PosDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PosDbContext>()
            .UseNpgsql(
                "Host=localhost;Database=design_time",
                npgsql => npgsql.MigrationsHistoryTable(DatabaseServiceCollectionExtensions.MigrationsHistoryTable, PosDbContext.Schema))
            .Options);
}
