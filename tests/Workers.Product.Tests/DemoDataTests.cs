using Microsoft.EntityFrameworkCore;
using Workers.Product.CsvStock;
using Workers.Product.DemoData;
using Workers.Product.Tests.Infrastructure;
using Workers.TaskManager.Persistence;

namespace Workers.Product.Tests;

public sealed class DemoDataTests : ProductWorkerTest
{
    [Fact]
    public async Task Demo_data_seeds_the_catalogue_idempotently_and_writes_a_row_for_every_store_and_product_plus_the_bad_rows()
    {
        var csv = Path.Combine(TempDirectory, "stock.csv");
        string[] args = ["demo-data", "--stores", "3", "--products", "40", "--csv", csv, "--bad-rows", "4"];

        var (first, output) = await RunCommandAsync("demo-data", null, args);

        Assert.Equal(0, first);
        Assert.Contains("(3 new)", output, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(csv, Cancellation);
        Assert.Equal("store,sku,quantity", lines[0]);
        Assert.Equal(1 + (3 * 40) + 4, lines.Length);
        var rows = lines.Skip(1).Select(l => l[..l.LastIndexOf(',')]).ToHashSet();
        Assert.All(
            from store in Enumerable.Range(1, 3) from product in Enumerable.Range(1, 40) select $"{DemoNames.StoreCode(store)},{DemoNames.Sku(product)}",
            row => Assert.Contains(row, rows));
        Assert.Contains(lines, l => l.EndsWith(",-5", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",SKU-UNKNOWN-", StringComparison.Ordinal));
        Assert.Equal((3, 40, 120), await CountsAsync());

        var (second, again) = await RunCommandAsync("demo-data", null, args);

        Assert.Equal(0, second);
        Assert.Contains("(0 new)", again, StringComparison.Ordinal);
        Assert.Equal((3, 40, 120), await CountsAsync());
    }

    [Fact]
    public async Task The_demo_csv_imports_with_exactly_its_bad_rows_rejected()
    {
        var csv = Path.Combine(TempDirectory, "stock.csv");
        var (seeded, _) = await RunCommandAsync("demo-data", null, "demo-data", "--stores", "2", "--products", "700", "--csv", csv, "--bad-rows", "4");
        Assert.Equal(0, seeded);
        var lines = await File.ReadAllLinesAsync(csv, Cancellation);
        var file = await UploadCsvAsync(await File.ReadAllTextAsync(csv, Cancellation), lines.Length - 1);

        StartWorker();
        var taskId = await PublishAsync("csvStock", new CsvStockBody(file));
        var done = await WaitUntilFinishedAsync(taskId);

        Assert.Equal(TaskState.Succeeded, done.Task.State);
        Assert.Equal(4, done.Task.ItemsRejected);
        var good = lines.Skip(1).Select(l => l.Split(',')).Where(f => f.Length == 3 && int.TryParse(f[2], out var q) && q >= 0 && !f[0].Contains("UNKNOWN", StringComparison.Ordinal) && !f[1].Contains("UNKNOWN", StringComparison.Ordinal));
        Assert.Equal(good.ToDictionary(f => (f[0], f[1]), f => int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)), await LevelsAsync());
    }

    private async Task<(int Stores, int Products, int Levels)> CountsAsync()
    {
        await using var db = ProductDb();
        return (await db.Stores.CountAsync(Cancellation), await db.Products.CountAsync(Cancellation), await db.StockLevels.CountAsync(Cancellation));
    }
}
