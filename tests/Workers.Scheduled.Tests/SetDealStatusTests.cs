using Microsoft.EntityFrameworkCore;
using Workers.Domain.Promotions;
using Workers.Scheduled.Tests.Infrastructure;
using Workers.TaskManager.Persistence;

namespace Workers.Scheduled.Tests;

public sealed class SetDealStatusTests : ScheduledWorkerTest
{
    [Fact]
    public async Task Set_deals_are_published_from_their_first_day_and_withdrawn_after_their_last_in_Tokyo()
    {
        var today = TokyoToday;
        await using (var db = PosDb())
        {
            db.SetDeals.AddRange(
                Deal("STARTS-TODAY", PublicationStatus.Draft, today, today.AddDays(7)),
                Deal("STARTS-TOMORROW", PublicationStatus.Draft, today.AddDays(1), null),
                Deal("LAST-DAY-TODAY", PublicationStatus.Published, today.AddDays(-7), today),
                Deal("EXPIRED", PublicationStatus.Published, today.AddDays(-7), today.AddDays(-1)),
                Deal("EXPIRED-DRAFT", PublicationStatus.Draft, today.AddDays(-7), today.AddDays(-1)),
                Deal("OTHER-STORE", PublicationStatus.Draft, today, null, "S002"));
            await db.SaveChangesAsync(Cancellation);
        }

        StartWorker();
        var done = await RunAsync("updateSetDealStatus", new ScheduledBody("S001"));
        Assert.Equal(TaskState.Succeeded, done.Task.State);
        var expected = new[]
        {
            ("EXPIRED", PublicationStatus.Withdrawn), ("EXPIRED-DRAFT", PublicationStatus.Withdrawn), ("LAST-DAY-TODAY", PublicationStatus.Published),
            ("OTHER-STORE", PublicationStatus.Draft), ("STARTS-TODAY", PublicationStatus.Published), ("STARTS-TOMORROW", PublicationStatus.Draft),
        };
        Assert.Equal(expected, await DealsAsync());

        // The scheduler's run (every store) then reaches the other store; a second one changes nothing.
        await RunAsync("updateSetDealStatus");
        await RunAsync("updateSetDealStatus");
        expected[3] = ("OTHER-STORE", PublicationStatus.Published);
        Assert.Equal(expected, await DealsAsync());
    }

    private SetDeal Deal(string code, PublicationStatus status, DateOnly startsOn, DateOnly? expiresOn, string store = "S001") =>
        new() { StoreId = Stores[store], Code = code, Name = code, Price = 1000, Status = status, StartsOn = startsOn, ExpiresOn = expiresOn };

    private async Task<(string, PublicationStatus)[]> DealsAsync()
    {
        await using var db = PosDb();
        return [.. (await db.SetDeals.AsNoTracking().OrderBy(d => d.Code).ToListAsync(Cancellation)).Select(d => (d.Code, d.Status))];
    }
}
