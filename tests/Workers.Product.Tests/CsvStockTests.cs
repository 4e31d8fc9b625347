using System.Globalization;
using Workers.Product.CsvStock;
using Workers.Product.Tests.Infrastructure;
using Workers.TaskManager;
using Workers.TaskManager.Persistence;

namespace Workers.Product.Tests;

public sealed class CsvStockTests : ProductWorkerTest
{
    private const int Products = 1500;

    [Fact]
    public async Task A_stock_csv_sets_levels_over_several_chunks_writes_movements_only_for_changes_and_rejects_bad_lines_by_number()
    {
        // Two stores × 1500 products; the last 10 products have no level yet and get one from the file.
        string[] stores = ["S001", "S002"];
        var skus = Enumerable.Range(1, Products).Select(Sku).ToArray();
        var before = stores.SelectMany((store, s) => Enumerable.Range(1, Products - 10).Select(p => (Key: (store, Sku(p)), Quantity: (p + s) % 20)))
            .ToDictionary(x => x.Key, x => x.Quantity);
        await using (var db = ProductDb())
        {
            await Catalog.SeedAsync(db, stores, skus, before, Cancellation);
        }

        var csv = new StockCsv();
        var expected = new Dictionary<(string, string), int>(before);
        var rejected = new Dictionary<long, string>();
        var n = 0;
        foreach (var store in stores)
        {
            for (var p = 1; p <= Products; p++)
            {
                // Even products keep their level (no movement), odd ones change, new ones are created.
                var quantity = before.TryGetValue((store, Sku(p)), out var old) ? (p % 2 == 0 ? old : old + 5) : p % 3;
                csv.Add($"{store},{Sku(p)},{quantity}");
                expected[(store, Sku(p))] = quantity;
                // Bad lines after the 5th, 700th, … good one: in every one of the file's four chunks.
                switch (++n)
                {
                    case 5:
                        rejected[csv.Add("S001,SKU-0005,-3")] = "quantity -3 is negative";
                        break;
                    case 700:
                        rejected[csv.Add("S001,SKU-9999,4")] = "unknown SKU 'SKU-9999'";
                        break;
                    case 1200:
                        rejected[csv.Add("S999,SKU-0001,4")] = "unknown store 'S999'";
                        break;
                    case 1300:
                        rejected[csv.Add("S998,SKU-9998,4")] = "unknown store 'S998' and unknown SKU 'SKU-9998'";
                        break;
                    case 2100:
                        rejected[csv.Add("S002,SKU-0002,abc")] = "quantity 'abc' is not a whole number";
                        break;
                    case 2900:
                        rejected[csv.Add("S001,SKU-0003")] = "2 field(s) where the header has 3";
                        break;
                    default:
                        break;
                }

                if (store == "S002" && p == 7)
                {
                    // Set twice in one chunk: the last line wins.
                    csv.Add("S002,SKU-0007,42");
                    expected[("S002", "SKU-0007")] = 42;
                }
            }
        }

        var file = await UploadCsvAsync(csv.ToString(), csv.Rows);
        StartWorker();
        var taskId = await PublishAsync("csvStock", new CsvStockBody(file));
        var progress = await WaitUntilFinishedAsync(taskId);

        Assert.Equal(TaskState.Succeeded, progress.Task.State);
        var chunks = (int)Math.Ceiling(csv.Rows / 1000.0);
        Assert.Equal(
            (csv.Rows, csv.Rows, chunks, chunks, (long)rejected.Count),
            (progress.Task.ItemsTotal, progress.Task.ItemsDone, progress.Task.ChunksTotal, progress.Task.ChunksDone, progress.Task.ItemsRejected));
        var reasons = progress.Rejections.ToDictionary(r => r.ItemKey, r => r.Reason);
        Assert.Equal(rejected.Keys.Select(line => $"line {line}").Order(), reasons.Keys.Order());
        Assert.All(rejected, r => Assert.StartsWith(r.Value, reasons[$"line {r.Key}"], StringComparison.Ordinal));

        Assert.Equal(expected, await LevelsAsync());
        var movements = await MovementsAsync();
        var changed = expected.Where(e => e.Value != before.GetValueOrDefault(e.Key)).ToDictionary(e => e.Key, e => e.Value);
        Assert.Equal(changed.Count, movements.Count);
        Assert.All(movements, m =>
        {
            var key = (m.Store, m.Sku);
            Assert.Equal(changed[key], m.Movement.QuantityAfter);
            Assert.Equal(changed[key] - before.GetValueOrDefault(key), m.Movement.Delta);
            Assert.Equal((taskId, "csvStock"), (m.Movement.TaskId, m.Movement.TaskType));
        });
    }

    [Fact]
    public async Task A_missing_file_or_one_without_the_stock_header_is_dead_lettered_at_once()
    {
        StartWorker();
        var missing = await PublishAsync("csvStock", new CsvStockBody(new StoredFile(Stack.Bucket, $"uploads/product/{Guid.NewGuid():N}/missing.csv")), group: "a");
        var wrongHeader = new StockCsv("shop,article,count");
        wrongHeader.Add("S001,SKU-0001,4");
        var headerless = await PublishAsync("csvStock", new CsvStockBody(await UploadCsvAsync(wrongHeader.ToString(), wrongHeader.Rows)), group: "b");

        var notFound = await WaitUntilFinishedAsync(missing);
        var badHeader = await WaitUntilFinishedAsync(headerless);

        Assert.Equal((TaskState.DeadLettered, 1), (notFound.Task.State, notFound.Task.Attempts));
        Assert.Contains("does not exist", Assert.Single(notFound.Errors).Message, StringComparison.Ordinal);
        Assert.Equal((TaskState.DeadLettered, 1), (badHeader.Task.State, badHeader.Task.Attempts));
        Assert.Contains("it needs the columns store,sku,quantity", Assert.Single(badHeader.Errors).Message, StringComparison.Ordinal);
    }

    private static string Sku(int number) => string.Create(CultureInfo.InvariantCulture, $"SKU-{number:D4}");
}
