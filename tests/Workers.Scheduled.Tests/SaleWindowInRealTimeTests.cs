using Microsoft.EntityFrameworkCore;
using Workers.Domain.Promotions;
using Workers.Scheduled.Tests.Infrastructure;

namespace Workers.Scheduled.Tests;

public sealed class SaleWindowInRealTimeTests : ScheduledWorkerTest
{
    // The one test about time passing: the window is a few seconds ahead, and runs are published one after
    // another (each a new occurrence, a new task id) until the sale is over; each await is for a condition.
    [Fact]
    public async Task A_sale_opens_when_its_window_starts_and_closes_when_it_ends()
    {
        StartWorker();
        await RunAsync("updateSaleStatus"); // the worker is up and warm before the clock starts

        var start = DateTimeOffset.UtcNow.AddSeconds(2);
        var end = start.AddSeconds(3);
        await using (var db = PosDb())
        {
            db.Sales.Add(new Sale { StoreId = Stores["S001"], Code = "FLASH", Name = "Flash sale", StartsAt = start, EndsAt = end, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(Cancellation);
        }

        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        var runs = new List<(DateTimeOffset Published, DateTimeOffset Finished, SaleStatus Status)>();
        while (runs.Count == 0 || runs[^1].Status != SaleStatus.Finished)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the sale did not finish by {deadline:O}: {string.Join(", ", runs)}");
            var published = DateTimeOffset.UtcNow;
            await RunAsync("updateSaleStatus");
            await using var db = PosDb();
            runs.Add((published, DateTimeOffset.UtcNow, await db.Sales.AsNoTracking().Select(s => s.Status).SingleAsync(Cancellation)));
        }

        // A run evaluates between its publication and its end: before the window it leaves the sale not held,
        // within it the sale is on, after it the sale is over; and each of the three was seen.
        Assert.All(runs.Where(r => r.Finished < start), r => Assert.Equal(SaleStatus.NotHeld, r.Status));
        Assert.All(runs.Where(r => r.Published >= start && r.Finished < end), r => Assert.Equal(SaleStatus.OnHeld, r.Status));
        Assert.All(runs.Where(r => r.Published >= end), r => Assert.Equal(SaleStatus.Finished, r.Status));
        Assert.All(runs.Where(r => r.Finished < end), r => Assert.NotEqual(SaleStatus.Finished, r.Status));
        Assert.Equal([SaleStatus.NotHeld, SaleStatus.OnHeld, SaleStatus.Finished], runs.Select(r => r.Status).Distinct());
    }
}
