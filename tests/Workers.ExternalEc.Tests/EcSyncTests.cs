using Microsoft.EntityFrameworkCore;
using Workers.Domain.Ledger;
using Workers.ExternalEc.Tests.Infrastructure;
using Workers.TaskManager.Persistence;

namespace Workers.ExternalEc.Tests;

// The EC sync: stock changes of linked products, made through the stock ledger as every worker makes them, become
// ochanokoUpdateStock tasks through the outbox, merged per store and product.
public sealed class EcSyncTests : ExternalEcWorkerTest
{
    [Fact]
    public async Task A_hundred_stock_changes_of_one_product_become_one_item_of_one_task_per_store()
    {
        using var osaka = new OchanokoStandIn();
        await using (var db = PosDb())
        {
            await Seed.LinkedProductsAsync(db, 2, Cancellation);
        }

        foreach (var shop in new[] { Ochanoko, osaka })
        {
            await shop.CreateShopAsync(cancellationToken: Cancellation);
            await shop.SeedProductsAsync([new { id = "och-1", stock = 0 }], Cancellation);
        }

        StartExternalEcWorker(new Dictionary<string, string?>
        {
            ["ExternalEc__Ochanoko__ShopTokens"] = $$"""{"S001":"{{Ochanoko.Token}}","S002":"{{osaka.Token}}"}""",
            ["ExternalEc__Sync__PollInterval"] = "00:00:00.200",
            ["ExternalEc__Sync__QuietPeriod"] = "00:00:02",
            ["ExternalEc__Sync__MaxDelay"] = "00:05:00", // however slowly the 200 sales go in, they stay one push
        });

        // 100 sales of SKU-1 in each store, each its own transaction through the ledger, as 200 register sales
        // would be; SKU-2 stays untouched, so it must not be pushed.
        await using (var db = PosDb())
        {
            var ledger = new StockLedger(db, TimeProvider.System);
            var ids = await db.Stores.OrderBy(s => s.Code).Select(s => s.Id).ToListAsync(Cancellation);
            var product = await db.Products.Where(p => p.Sku == "SKU-1").Select(p => p.Id).SingleAsync(Cancellation);
            await db.Database.ExecuteSqlAsync($"UPDATE pos.stock_levels SET quantity = 500 WHERE product_id = {product}", Cancellation);
            for (var i = 0; i < 200; i++)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(Cancellation);
                await ledger.ApplyAsync([StockChange.Add(ids[i % 2], product, -1, StockReasons.Sale)], new StockCause($"sale-{i}", "test"), Cancellation);
                await transaction.CommitAsync(Cancellation);
            }
        }

        var tasks = await WaitForAsync(async () => await TasksAsync("ochanokoUpdateStock") is { Count: 2 } t && t.All(x => x.State == TaskState.Succeeded) ? t : null);

        Assert.Equal(["S001", "S002"], tasks.Select(t => t.GroupId).Order());
        Assert.All(tasks, t => Assert.Equal(1L, t.ItemsTotal));
        var bodies = (await OutboxAsync()).Where(o => o.TaskType == "ochanokoUpdateStock").Select(o => UpdateBody(o.Body)).ToList();
        Assert.Equal([("S001", "SKU-1"), ("S002", "SKU-1")], bodies.Select(b => (b.Store, Assert.Single(b.Skus))).Order());
        foreach (var shop in new[] { Ochanoko, osaka })
        {
            Assert.Equal(400, (int)(await shop.ProductsAsync(Cancellation))["och-1"]["stock"]!);
        }

        await using var check = PosDb();
        Assert.Empty(await check.EcStockSyncs.ToListAsync(Cancellation));
        Assert.Empty(await TasksAsync("ochanokoUpdatePrice"));
    }

    [Fact]
    public async Task A_product_that_never_stays_quiet_is_still_pushed_once_its_first_change_is_MaxDelay_old()
    {
        await using (var db = PosDb())
        {
            await Seed.LinkedProductsAsync(db, 1, Cancellation);
        }

        await Ochanoko.CreateShopAsync(cancellationToken: Cancellation);
        await Ochanoko.SeedProductsAsync([new { id = "och-1", stock = 0 }], Cancellation);

        // Quiet for ten minutes never happens within the test: only the bound can take the row.
        StartExternalEcWorker(new Dictionary<string, string?>
        {
            ["ExternalEc__Ochanoko__ShopTokens"] = $$"""{"S001":"{{Ochanoko.Token}}"}""",
            ["ExternalEc__Sync__PollInterval"] = "00:00:00.200",
            ["ExternalEc__Sync__QuietPeriod"] = "00:10:00",
            ["ExternalEc__Sync__MaxDelay"] = "00:00:01",
        });
        await using (var db = PosDb())
        {
            var store = await db.Stores.Where(s => s.Code == "S001").Select(s => s.Id).SingleAsync(Cancellation);
            var product = await db.Products.Where(p => p.Sku == "SKU-1").Select(p => p.Id).SingleAsync(Cancellation);
            await using var transaction = await db.Database.BeginTransactionAsync(Cancellation);
            await new StockLedger(db, TimeProvider.System).ApplyAsync([StockChange.Count(store, product, 7, StockReasons.Count)], new StockCause("count-1", "test"), Cancellation);
            await transaction.CommitAsync(Cancellation);
        }

        var task = await WaitForAsync(async () => await TasksAsync("ochanokoUpdateStock") is [{ State: TaskState.Succeeded } done] ? done : null);

        Assert.Equal(1L, task.ItemsTotal);
        Assert.Equal(7, (int)(await Ochanoko.ProductsAsync(Cancellation))["och-1"]["stock"]!);
    }

    // Polls the database with a deadline (the sync's tasks have no id the test knows beforehand).
    private async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), Cancellation);
        }

        throw new TimeoutException($"The condition did not hold within {Patience}.");
    }
}
