using Microsoft.EntityFrameworkCore;
using Workers.Item.CreateItem;
using Workers.Item.Tests.Infrastructure;
using Workers.TaskManager.Persistence;

namespace Workers.Item.Tests;

public sealed class CreateItemTests : ItemWorkerTest
{
    private static readonly CreateItemBody Body = new(
    [
        new("A-1", "Pikachu", "SINGLE", 500, 200, Genre: "Pokemon", MycaItemId: 77, EcProductId: "ec-a1",
            ConditionPrices: [new("played", SellPrice: 300)],
            InitialStock: [new("S001", 3), new("S002", 1, "played")]),
        new("B-1", "Booster box", "BOX", 5000, 3000, InitialStock: [new("S001", 5), new("S002", 0)]),
        new("C-1", "Mystery", "NOPE", 1, 1),                                     // unknown category
        new("D-1", "Elsewhere", "SINGLE", 1, 1, InitialStock: [new("S999", 1)]), // unknown store
        new("OLD-1", "Already there", "SINGLE", 1, 1),                         // exists: skipped
        new("F-1", "Damaged", "SINGLE", 1, 1, InitialStock: [new("S001", 1, "damaged")]),
        new("A-1", "Pikachu again", "SINGLE", 1, 1, InitialStock: [new("S001", 9)]), // same code later in the task: skipped
        new("G-1", "Taken SKU", "BOX", 1, 1),                                   // its SKU G-1-new is a legacy product's
    ]);

    [Fact]
    public async Task Items_get_one_product_per_category_condition_and_their_initial_stock_goes_to_the_product_worker_once_while_redeliveries_and_duplicates_change_nothing()
    {
        await using (var db = PosDb())
        {
            var categories = await Seed.CatalogueAsync(db, Cancellation);
            db.Items.Add(Seed.Item("OLD-1", categories["SINGLE"]));
            db.Products.Add(new Domain.Catalog.Product { Sku = "G-1-new", Name = "A product older than the catalogue" });
            await db.SaveChangesAsync(Cancellation);
        }

        StartItemWorker();
        var taskId = await PublishAsync("createItem", Body);
        var done = await WaitUntilFinishedAsync(taskId);

        Assert.Equal(TaskState.Succeeded, done.Task.State);
        Assert.Equal((8L, 6L), (done.Task.ItemsDone, done.Task.ItemsRejected));
        Assert.Collection(
            done.Rejections.OrderBy(r => r.Id),
            r => AssertRejection(r, "C-1", "item 3: unknown category 'NOPE'"),
            r => AssertRejection(r, "D-1", "item 4: initial stock for unknown store 'S999'"),
            r => AssertRejection(r, "OLD-1", "item 5: skipped: item 'OLD-1' already exists"),
            r => AssertRejection(r, "F-1", "item 6: initial stock in condition 'damaged'"),
            r => AssertRejection(r, "A-1", "item 7: skipped: item 'A-1' already exists"),
            r => AssertRejection(r, "G-1", "item 8: SKU 'G-1-new' already belongs to another product"));

        var catalogue = await CatalogueAsync();
        await AssertCreatedAsync(catalogue);

        // Initial stock: one updateStock per store for the chunk, zero quantities left out, B-1 in its only condition.
        var followUps = await ReceiveFollowUpsAsync(2);
        Assert.Equal(
            [
                ($"{taskId}:stock:0:S001", "S001", "updateStock", """{"storeCode":"S001","items":[{"sku":"A-1-mint","delta":3},{"sku":"B-1-new","delta":5}]}"""),
                ($"{taskId}:stock:0:S002", "S002", "updateStock", """{"storeCode":"S002","items":[{"sku":"A-1-played","delta":1}]}"""),
            ],
            followUps.OrderBy(f => f.Group, StringComparer.Ordinal).Select(f => (f.TaskId, f.Group, f.Type, Json(f.Body))));

        // The same task again (a lost delete), then the same items in a task of its own (a client retrying with a
        // new id; with no id, SQS would drop the same content as a duplicate within 5 minutes): the redelivery
        // finds its chunk done, the duplicate skips every item that now exists and enqueues no stock. Both are
        // in one group, so the duplicate finishing means the redelivery was handled before it.
        await RedeliverAsync("createItem", Body, taskId);
        var duplicate = await WaitUntilFinishedAsync(await PublishAsync("createItem", Body, taskId: Guid.NewGuid().ToString()));
        Assert.Equal(TaskState.Succeeded, duplicate.Task.State);
        Assert.Equal(8L, duplicate.Task.ItemsRejected);
        Assert.Contains(duplicate.Rejections, r => r.ItemKey == "B-1" && r.Reason.Contains("skipped", StringComparison.Ordinal));
        Assert.Equal(catalogue, await CatalogueAsync());
        Assert.Equal(2, (await OutboxAsync()).Count);
        Assert.Equal([1], (await LedgerAsync(taskId)).Select(s => s.Attempt));
    }

    private async Task AssertCreatedAsync(List<(string Item, string? Sku, string? Condition, int? SellPrice, int? BuyPrice)> catalogue)
    {
        Assert.Equal(
            [
                ("A-1", "A-1-mint", "mint", null, null),
                ("A-1", "A-1-played", "played", 300, null),
                ("B-1", "B-1-new", "new", null, null),
                ("OLD-1", null, null, null, null),
            ],
            catalogue);
        await using var db = PosDb();
        var a = await db.Items.AsNoTracking().SingleAsync(i => i.Code == "A-1", Cancellation);
        Assert.Equal(("Pikachu", "Pokemon", 500, 200, 77L, true, "ec-a1", false), (a.Name, a.Genre, a.SellPrice, a.BuyPrice, a.MycaItemId, a.EcLinked, a.EcProductId, a.Deleted));
        Assert.Equal("Pikachu (played)", await db.Products.Where(p => p.Sku == "A-1-played").Select(p => p.Name).SingleAsync(Cancellation));
        Assert.False(await db.Items.AnyAsync(i => i.Code == "C-1" || i.Code == "D-1" || i.Code == "F-1" || i.Code == "G-1", Cancellation));
        // The item worker changes no stock itself: the product worker applies the follow-ups.
        Assert.False(await db.StockLevels.AnyAsync(Cancellation));
    }

    // Every item with its products (an item without any shows a null SKU), with the products' own prices.
    private async Task<List<(string Item, string? Sku, string? Condition, int? SellPrice, int? BuyPrice)>> CatalogueAsync()
    {
        await using var db = PosDb();
        var rows = await (from i in db.Items
                          join p in db.Products on (int?)i.Id equals p.ItemId into products
                          from p in products.DefaultIfEmpty()
                          orderby i.Code, p.Sku
                          select new { i.Code, Sku = (string?)p.Sku, p.Condition, p.SellPrice, p.BuyPrice }).ToListAsync(Cancellation);
        return [.. rows.Select(r => (r.Code, r.Sku, r.Condition, r.SellPrice, r.BuyPrice))];
    }

    private static void AssertRejection(TaskRejectionRecord rejection, string key, string reason)
    {
        Assert.Equal(key, rejection.ItemKey);
        Assert.StartsWith(reason, rejection.Reason, StringComparison.Ordinal);
    }
}
