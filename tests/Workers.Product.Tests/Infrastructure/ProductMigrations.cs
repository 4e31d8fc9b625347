using Workers.Product.Data;
using Workers.Testing;

namespace Workers.Product.Tests.Infrastructure;

// The template database for these tests: the TaskManager's migrations, then the product worker's, as the
// worker's `migrate` command applies them.
internal static class ProductMigrations
{
    public static readonly TestMigrations Template = new TestMigrations().With(Product);

    public static ProductDbContext Product(string connectionString) =>
        new(TestMigrations.Options<ProductDbContext>(connectionString, ProductDbContext.Schema));
}
