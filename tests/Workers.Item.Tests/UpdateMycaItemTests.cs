using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workers.Item.Tests.Infrastructure;
using Workers.Item.UpdateMycaItem;
using Workers.TaskManager.Persistence;

namespace Workers.Item.Tests;

public sealed class UpdateMycaItemTests : ItemWorkerTest
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-12-01T00:00:00Z", CultureInfo.InvariantCulture);
    private static readonly DateTimeOffset T1 = T0.AddHours(1);
    private static readonly DateTimeOffset T2 = T0.AddHours(2);
    private static readonly DateTimeOffset T3 = T0.AddHours(3);

    [Fact]
    public async Task A_market_price_applies_only_when_Myca_priced_it_after_the_stored_one_so_out_of_order_and_repeated_pushes_change_nothing()
    {
        await using (var db = PosDb())
        {
            var categories = await Seed.CatalogueAsync(db, Cancellation);
            db.Items.AddRange(
                Linked("M1a", categories["BOX"], 1), Linked("M1b", categories["BOX"], 1),
                Linked("M2", categories["BOX"], 2, price: 40, pricedAt: T0), Linked("DEL", categories["BOX"], 3, deleted: true));
            await db.SaveChangesAsync(Cancellation);
        }

        StartItemWorker();
        var first = await WaitUntilFinishedAsync(await PublishAsync("updateMycaItem", new UpdateMycaItemBody(
        [
            new(1, 100, T2.ToOffset(TimeSpan.FromHours(9))), // the time is an instant, whatever its offset
            new(1, 90, T1),                                   // older than the one before it in the same chunk
            new(2, 50, T1),
            new(404, 1, T1),                                  // no item linked
            new(3, 1, T1),                                    // only a deleted item linked
        ])));
        Assert.Equal(TaskState.Succeeded, first.Task.State);
        Assert.Equal(
            [("404", "item 4: no item is linked to Myca item 404"), ("3", "item 5: no item is linked to Myca item 3")],
            first.Rejections.OrderBy(r => r.Id).Select(r => (r.ItemKey, r.Reason)));
        Assert.Equal(
            [("DEL", null, null), ("M1a", 100, T2), ("M1b", 100, T2), ("M2", 50, T1)],
            await PricesAsync());

        // Arriving late: T1 for M1 (it has T2) and T0 for M2 change nothing; T3 for M2 applies.
        var late = new UpdateMycaItemBody([new(1, 80, T1), new(2, 60, T3), new(2, 55, T0)]);
        var lateId = await PublishAsync("updateMycaItem", late);
        Assert.Equal(TaskState.Succeeded, (await WaitUntilFinishedAsync(lateId)).Task.State);
        var expected = new List<(string, int?, DateTimeOffset?)> { ("DEL", null, null), ("M1a", 100, T2), ("M1b", 100, T2), ("M2", 60, T3) };
        Assert.Equal(expected, await PricesAsync());
        var updatedAt = await UpdateTimesAsync();

        // A lost delete, then the same prices under a new id: the same times are not newer, so nothing changes.
        await RedeliverAsync("updateMycaItem", late, lateId);
        var duplicate = await WaitUntilFinishedAsync(await PublishAsync("updateMycaItem", late, taskId: Guid.NewGuid().ToString()));
        Assert.Equal((TaskState.Succeeded, 0L), (duplicate.Task.State, duplicate.Task.ItemsRejected));
        Assert.Equal(expected, await PricesAsync());
        Assert.Equal(updatedAt, await UpdateTimesAsync());
        Assert.Equal([1], (await LedgerAsync(lateId)).Select(s => s.Attempt));
    }

    private static Domain.Catalog.Item Linked(string code, int category, long mycaId, int? price = null, DateTimeOffset? pricedAt = null, bool deleted = false)
    {
        var item = Seed.Item(code, category);
        item.MycaItemId = mycaId;
        item.MycaPrice = price;
        item.MycaPriceAt = pricedAt;
        item.Deleted = deleted;
        return item;
    }

    private async Task<List<(string, int?, DateTimeOffset?)>> PricesAsync()
    {
        await using var db = PosDb();
        var rows = await db.Items.AsNoTracking().OrderBy(i => i.Code).Select(i => new { i.Code, i.MycaPrice, i.MycaPriceAt }).ToListAsync(Cancellation);
        return [.. rows.Select(r => (r.Code, r.MycaPrice, r.MycaPriceAt))];
    }

    private async Task<List<DateTimeOffset>> UpdateTimesAsync()
    {
        await using var db = PosDb();
        return await db.Items.AsNoTracking().OrderBy(i => i.Code).Select(i => i.UpdatedAt).ToListAsync(Cancellation);
    }
}
