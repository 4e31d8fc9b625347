using Microsoft.EntityFrameworkCore;
using Workers.ExternalEc.Tests.Infrastructure;
using Workers.TaskManager.Persistence;

namespace Workers.ExternalEc.Tests;

// ochanokoUpdateStock / ochanokoUpdatePrice against the Ochanoko stand-in: chunks of 800 in PUTs the API takes,
// absolute values from the database, per-item refusals, and the API's rate limit and outages waited out without
// a dead letter.
public sealed class OchanokoUpdateTests : ExternalEcWorkerTest
{
    private const int Products = 2_000;

    // The 503 outage's length: the 60 s (the test mostly waits, beside the other projects);
    // WORKERS_TEST_OCHANOKO_OUTAGE_SECONDS=15 shortens it while working on this code.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("WORKERS_TEST_OCHANOKO_OUTAGE_SECONDS"), out var s) ? s : 60);

    protected override TimeSpan Patience => Outage + TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Stock_of_2000_products_goes_out_in_3_puts_of_at_most_800_and_the_shop_has_the_values()
    {
        await SeedAsync(Products);
        StartExternalEcWorker();

        var task = await PublishAsync("ochanokoUpdateStock", StockBody("S001", Enumerable.Range(1, Products)));
        var progress = await WaitUntilFinishedAsync(task);

        Assert.Equal((TaskState.Succeeded, 3, 0L), (progress.Task.State, progress.Task.ChunksDone, progress.Task.ItemsRejected));
        Assert.Equal([(800, 800), (800, 800), (400, 400)], await Ochanoko.WritesAsync(Cancellation));
        await AssertShopStockAsync(Products);
    }

    [Fact]
    public async Task A_chunk_over_the_APIs_limit_of_1000_items_still_goes_out_in_PUTs_the_API_takes()
    {
        // An operator raised the chunk size past Ochanoko's limit: no 1,001-item PUT is sent all the same.
        await SeedAsync(1_001);
        StartExternalEcWorker(new Dictionary<string, string?> { ["TaskManager__TaskTypes__ochanokoUpdateStock__ChunkSize"] = "1001" });

        var task = await PublishAsync("ochanokoUpdateStock", StockBody("S001", Enumerable.Range(1, 1_001)));
        var progress = await WaitUntilFinishedAsync(task);

        Assert.Equal((TaskState.Succeeded, 1, 0L), (progress.Task.State, progress.Task.ChunksDone, progress.Task.ItemsRejected));
        Assert.Equal([(1000, 1000), (1, 1)], await Ochanoko.WritesAsync(Cancellation));
        Assert.Equal(0, (await Ochanoko.CountersAsync(Cancellation))["oversizeRefused"]);
        await AssertShopStockAsync(1_001);
    }

    [Fact]
    public async Task Unknown_unlinked_and_refused_products_are_rejected_with_the_reason_and_the_rest_is_written()
    {
        await SeedAsync(4, shopProducts: 2);   // och-3 and och-4 are not in the shop
        await using (var db = PosDb())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE pos.items SET ec_linked = false, ec_product_id = NULL WHERE code = 'I-4'", Cancellation);
        }

        StartExternalEcWorker();
        var body = new { storeCode = "S001", items = new[] { new { sku = "SKU-1" }, new { sku = "SKU-2" }, new { sku = "SKU-3" }, new { sku = "SKU-4" }, new { sku = "NOPE" } } };
        var progress = await WaitUntilFinishedAsync(await PublishAsync("ochanokoUpdatePrice", body));

        Assert.Equal((TaskState.Succeeded, 3L), (progress.Task.State, progress.Task.ItemsRejected));
        var reasons = progress.Rejections.ToDictionary(r => r.ItemKey, r => r.Reason);
        Assert.Contains("product not found", reasons["SKU-3"], StringComparison.Ordinal);
        Assert.Contains("not linked", reasons["SKU-4"], StringComparison.Ordinal);
        Assert.Contains("unknown product", reasons["NOPE"], StringComparison.Ordinal);
        var shop = await Ochanoko.ProductsAsync(Cancellation);
        Assert.Equal((101, 102), ((int)shop["och-1"]["price"]!, (int)shop["och-2"]["price"]!));
    }

    [Fact]
    public async Task Rate_limited_puts_wait_for_retry_after_and_every_value_arrives_without_a_dead_letter()
    {
        await SeedAsync(Products, rate: 0.5, burst: 1);
        // No cooldown: the worker runs into the limit at once and must honour the 429s' Retry-After.
        StartExternalEcWorker(new Dictionary<string, string?> { ["TaskManager__TaskTypes__ochanokoUpdateStock__ChunkCooldownMilliseconds"] = "0" });

        var progress = await WaitUntilFinishedAsync(await PublishAsync("ochanokoUpdateStock", StockBody("S001", Enumerable.Range(1, Products))));

        Assert.Equal((TaskState.Succeeded, 1, 3), (progress.Task.State, progress.Task.Attempts, progress.Task.ChunksDone));
        Assert.True((await Ochanoko.CountersAsync(Cancellation))["rateLimited"] > 0, "the stand-in never answered 429: the test did not exercise the limit");
        Assert.Equal(3, (await Ochanoko.WritesAsync(Cancellation)).Count);
        await AssertShopStockAsync(Products);
    }

    [Fact]
    public async Task An_outage_of_503s_dead_letters_nothing_and_everything_arrives_after_it()
    {
        await SeedAsync(Products);
        StartExternalEcWorker();
        await Ochanoko.OutageAsync(Outage, Cancellation);

        var stock = await PublishAsync("ochanokoUpdateStock", StockBody("S001", Enumerable.Range(1, Products)));
        var price = await PublishAsync("ochanokoUpdatePrice", StockBody("S001", Enumerable.Range(1, 10)));

        Assert.Equal(TaskState.Succeeded, (await WaitUntilFinishedAsync(stock)).Task.State);
        Assert.Equal(TaskState.Succeeded, (await WaitUntilFinishedAsync(price)).Task.State);
        Assert.True((await Ochanoko.CountersAsync(Cancellation))["unavailable"] > 0, "the stand-in never answered 503");
        Assert.Empty(await Queues.ReceiveAsync(Queues.DeadLetterUrl, 1, TimeSpan.FromSeconds(1)));
        await AssertShopStockAsync(Products);
        Assert.Equal(110, (int)(await Ochanoko.ProductsAsync(Cancellation))["och-10"]["price"]!);
    }

    [Fact]
    public async Task A_token_without_the_write_scope_fails_the_task_with_the_reason_instead_of_holding_it()
    {
        await SeedAsync(3);
        StartExternalEcWorker(new Dictionary<string, string?>
        {
            ["ExternalEc__Ochanoko__ShopTokens"] = $$"""{"S001":"{{Ochanoko.ReadOnlyToken}}","S002":"no-such-token"}""",
        });

        var forbidden = await WaitUntilFinishedAsync(await PublishAsync("ochanokoUpdateStock", StockBody("S001", [1, 2])));
        var unknown = await WaitUntilFinishedAsync(await PublishAsync("ochanokoUpdateStock", StockBody("S002", [1]), group: "S002"));

        Assert.Equal(TaskState.DeadLettered, forbidden.Task.State);
        Assert.Contains("403", forbidden.Task.LastError, StringComparison.Ordinal);
        Assert.Contains("missing a scope", forbidden.Task.LastError, StringComparison.Ordinal);
        Assert.Equal(TaskState.DeadLettered, unknown.Task.State);
        Assert.Contains("401", unknown.Task.LastError, StringComparison.Ordinal);
        Assert.Empty(await Ochanoko.WritesAsync(Cancellation));
    }

    private async Task SeedAsync(int products, int? shopProducts = null, double rate = 1000, int burst = 1000)
    {
        await using (var db = PosDb())
        {
            await Seed.LinkedProductsAsync(db, products, Cancellation);
        }

        await Ochanoko.CreateShopAsync(rate, burst, Cancellation);
        await Ochanoko.SeedProductsAsync(Enumerable.Range(1, shopProducts ?? products).Select(n => new { id = $"och-{n}", model_number = Seed.Sku(n), stock = 0, price = 0 }), Cancellation);
    }

    private async Task AssertShopStockAsync(int products)
    {
        var shop = await Ochanoko.ProductsAsync(Cancellation);
        Assert.All(Enumerable.Range(1, products), n => Assert.Equal(Seed.Stock(n), (int)shop[$"och-{n}"]["stock"]!));
    }
}
