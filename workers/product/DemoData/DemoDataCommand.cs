using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workers.Hosting;
using Workers.Domain;

namespace Workers.Product.DemoData;

// `dotnet Workers.Product.dll demo-data --stores 10 --products 10000 --csv stock.csv [--bad-rows 5]`: seeds a
// demo catalogue (idempotently) and writes a stock CSV for it to import with a csvStock task.
internal static class DemoDataCommand
{
    public static WorkerCommand Command { get; } = new(
        "demo-data",
        "seed demo stores, products and stock levels, and write a stock CSV for them: " + DemoDataOptions.Usage,
        RunAsync);

    private static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        if (DemoDataOptions.Parse(args, out var error) is not { } options)
        {
            await Console.Error.WriteLineAsync($"demo-data: {error}. Usage: {DemoDataOptions.Usage}");
            return 2;
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PosDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                await Console.Error.WriteLineAsync($"demo-data: the database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}); run `migrate` first.");
                return 1;
            }
        }

        var (stores, products, levels) = await DemoCatalog.SeedAsync(services.GetRequiredService<NpgsqlDataSource>(), options, cancellationToken);
        Console.WriteLine($"Seeded stores {DemoNames.StoreCode(1)}…{DemoNames.StoreCode(options.Stores)} ({stores} new), products {DemoNames.Sku(1)}…{DemoNames.Sku(options.Products)} ({products} new), stock levels for every store × product ({levels} new).");

        var (rows, bad) = await DemoStockCsv.WriteAsync(options, cancellationToken);
        Console.WriteLine($"Wrote {Path.GetFullPath(options.CsvPath)}: {rows} data row(s) (header store,sku,quantity), {bad.Count} of them deliberately bad:");
        foreach (var (line, problem) in bad)
        {
            Console.WriteLine($"  line {line}: {problem}");
        }

        Console.WriteLine("Import it with a csvStock task whose body is {\"file\":{\"bucket\":…,\"key\":…,\"rows\":" + rows + "}} once it is in S3 (workers/product/README.md).");
        return 0;
    }
}
