using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Workers.TaskManager.Persistence;

namespace Workers.Product.Data;

// Lets `dotnet ef migrations add` build the model without a running database or host.
internal sealed class ProductDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ProductDbContext>
{
    public ProductDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ProductDbContext>()
            .UseNpgsql(
                "Host=localhost;Database=design_time",
                npgsql => npgsql.MigrationsHistoryTable(DatabaseServiceCollectionExtensions.MigrationsHistoryTable, ProductDbContext.Schema))
            .Options);
}
