using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Workers.TaskManager.Persistence;

namespace Workers.Api.Data;

// Lets `dotnet ef migrations add` build the model without a running database or host.
internal sealed class ApiDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ApiDbContext>
{
    public ApiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ApiDbContext>()
            .UseNpgsql(
                "Host=localhost;Database=design_time",
                npgsql => npgsql.MigrationsHistoryTable(DatabaseServiceCollectionExtensions.MigrationsHistoryTable, ApiDbContext.Schema))
            .Options);
}
