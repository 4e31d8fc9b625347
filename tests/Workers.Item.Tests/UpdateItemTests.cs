using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workers.Domain.Stock;
using Workers.Item.Tests.Infrastructure;
using Workers.Item.UpdateItem;
using Workers.TaskManager.Persistence;

namespace Workers.Item.Tests;

public sealed class UpdateItemTests : ItemWorkerTest
{
    private static readonly UpdateItemBody Body = new(
    [
        new("X", SellPrice: 600),                                        // 1: linked: EC price sync
        new("Y", Name: "Y renamed", BuyPrice: 7, Clear: [ClearableField.Genre]),
        new("Z", EcProductId: "ec-z"),                                   // 3: newly linked: EC price and stock sync
        new("NOPE", SellPrice: 1),                                       // 4: unknown
        new("DEL", SellPrice: 1),                                        // 5: deleted
        new("W", Deleted: true),
        new("W", SellPrice: 1),                                          // 7: deleted by item 6
        new("Y", Genre: "G", Clear: [ClearableField.Genre]),             // 8: contradictory
        new("Y", MycaItemId: 5),                                         // 9: a new Myca link drops the old price
    ]);

    [Fact]
    public async Task Only_the_fields_present_change_a_linked_items_price_change_marks_its_stocked_products_for_EC_sync_and_repeats_change_nothing()
    {
        await SeedAsync();
        StartItemWorker();
        var taskId = await PublishAsync("updateItem", Body);
        var done = await WaitUntilFinishedAsync(taskId);

        Assert.Equal(TaskState.Succeeded, done.Task.State);
        Assert.Equal(
            [("NOPE", "item 4: unknown item 'NOPE'"), ("DEL", "item 5: item 'DEL' is deleted"), ("W", "item 7: item 'W' is deleted"), ("Y", "item 8: genre is both set and cleared")],
            done.Rejections.OrderBy(r => r.Id).Select(r => (r.ItemKey, r.Reason)));

        await using (var db = PosDb())
        {
            var items = await db.Items.AsNoTracking().ToDictionaryAsync(i => i.Code, Cancellation);
            Assert.Equal((600, 50), (items["X"].SellPrice, items["X"].BuyPrice));
            Assert.Equal(("Y renamed", null, 100, 7, 5L, null), (items["Y"].Name, items["Y"].Genre, items["Y"].SellPrice, items["Y"].BuyPrice, items["Y"].MycaItemId, items["Y"].MycaPrice));
            Assert.Equal((true, "ec-z", 100), (items["Z"].EcLinked, items["Z"].EcProductId, items["Z"].SellPrice));
            Assert.True(items["W"].Deleted);
            Assert.Equal(100, items["W"].SellPrice);
            Assert.Equal(100, items["DEL"].SellPrice);
            Assert.Equal(items["DEL"].CreatedAt, items["DEL"].UpdatedAt);
        }

        // X's played product has its own price, so X's change does not reach it; S002 never stocked it.
        var sync = await EcSyncAsync();
        Assert.Equal(
            [("S001", "X-mint", false, true), ("S002", "X-mint", false, true), ("S002", "Z-new", true, true)],
            sync.Select(s => (s.Store, s.Sku, s.Sync.StockChanged, s.Sync.PriceChanged)));

        // A lost delete, then the same updates again under a new id: the values are already there, so nothing
        // changes (not even the update times or the sync requests).
        var snapshot = await SnapshotAsync();
        await RedeliverAsync("updateItem", Body, taskId);
        var duplicate = await WaitUntilFinishedAsync(await PublishAsync("updateItem", Body, taskId: Guid.NewGuid().ToString()));
        Assert.Equal(TaskState.Succeeded, duplicate.Task.State);
        Assert.Equal(5L, duplicate.Task.ItemsRejected); // W is deleted now, so item 6 is rejected too
        Assert.Equal(snapshot, await SnapshotAsync());
        Assert.Equal([1], (await LedgerAsync(taskId)).Select(s => s.Attempt));
    }

    private async Task SeedAsync()
    {
        await using var db = PosDb();
        var categories = await Seed.CatalogueAsync(db, Cancellation);
        var x = Seed.Item("X", categories["SINGLE"]);
        x.EcLinked = true;
        x.EcProductId = "ec-x";
        var y = Seed.Item("Y", categories["SINGLE"]);
        y.Genre = "Old";
        y.MycaItemId = 4;
        y.MycaPrice = 10;
        y.MycaPriceAt = DateTimeOffset.UtcNow;
        var z = Seed.Item("Z", categories["BOX"]);
        var deleted = Seed.Item("DEL", categories["BOX"]);
        deleted.Deleted = true;
        db.Items.AddRange(x, y, z, deleted, Seed.Item("W", categories["BOX"]));
        await db.SaveChangesAsync(Cancellation);

        var xMint = new Domain.Catalog.Product { Sku = "X-mint", Name = "X (mint)", ItemId = x.Id, Condition = "mint" };
        var xPlayed = new Domain.Catalog.Product { Sku = "X-played", Name = "X (played)", ItemId = x.Id, Condition = "played", SellPrice = 50 };
        var zNew = new Domain.Catalog.Product { Sku = "Z-new", Name = "Z (new)", ItemId = z.Id, Condition = "new" };
        db.Products.AddRange(xMint, xPlayed, zNew);
        await db.SaveChangesAsync(Cancellation);

        var stores = await db.Stores.ToDictionaryAsync(s => s.Code, s => s.Id, Cancellation);
        db.StockLevels.AddRange(
            new StockLevel { StoreId = stores["S001"], ProductId = xMint.Id, Quantity = 2, UpdatedAt = DateTimeOffset.UtcNow },
            new StockLevel { StoreId = stores["S001"], ProductId = xPlayed.Id, Quantity = 1, UpdatedAt = DateTimeOffset.UtcNow },
            new StockLevel { StoreId = stores["S002"], ProductId = xMint.Id, Quantity = 0, UpdatedAt = DateTimeOffset.UtcNow },
            new StockLevel { StoreId = stores["S002"], ProductId = zNew.Id, Quantity = 4, UpdatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(Cancellation);
    }

    private async Task<List<(string Store, string Sku, EcStockSync Sync)>> EcSyncAsync()
    {
        await using var db = PosDb();
        var rows = await (from s in db.EcStockSyncs
                          join st in db.Stores on s.StoreId equals st.Id
                          join p in db.Products on s.ProductId equals p.Id
                          orderby st.Code, p.Sku
                          select new { st.Code, p.Sku, Sync = s }).ToListAsync(Cancellation);
        return [.. rows.Select(r => (r.Code, r.Sku, r.Sync))];
    }

    // Every item and pending EC sync as JSON: equal snapshots mean no column changed.
    private async Task<List<string>> SnapshotAsync()
    {
        await using var db = PosDb();
        var items = await db.Items.AsNoTracking().OrderBy(i => i.Code).ToListAsync(Cancellation);
        var sync = await db.EcStockSyncs.AsNoTracking().OrderBy(s => s.StoreId).ThenBy(s => s.ProductId).ToListAsync(Cancellation);
        return [.. items.Select(i => JsonSerializer.Serialize(i)), .. sync.Select(s => JsonSerializer.Serialize(s))];
    }
}
