using Microsoft.EntityFrameworkCore;
using Workers.Domain.Promotions;
using Workers.Scheduled.Tests.Infrastructure;
using Workers.TaskManager.Persistence;

namespace Workers.Scheduled.Tests;

public sealed class SaleStatusTests : ScheduledWorkerTest
{
    [Fact]
    public async Task One_shot_sales_open_and_finish_by_their_window_and_a_sold_out_sale_finishes()
    {
        var now = DateTimeOffset.UtcNow;
        var before = now.AddHours(-2);
        await AddSalesAsync(
            Sale("STARTED", now.AddMinutes(-1), now.AddHours(1)),
            Sale("OPEN-ENDED", now.AddMinutes(-1), null),
            Sale("ENDED", now.AddHours(-1), now.AddMinutes(-1), SaleStatus.OnHeld),
            Sale("NEVER-OPENED", now.AddHours(-1), now.AddMinutes(-1)),
            Sale("LATER", now.AddHours(1), now.AddHours(2)),
            Sale("SOLD-OUT", now.AddMinutes(-10), now.AddHours(1), SaleStatus.OnHeld, limit: 5, sold: 5),
            Sale("SELLING", now.AddMinutes(-10), now.AddHours(1), SaleStatus.OnHeld, limit: 5, sold: 4));
        StartWorker();

        var done = await RunAsync("updateSaleStatus");

        Assert.Equal(TaskState.Succeeded, done.Task.State);
        var sales = await SalesAsync();
        Assert.Equal(
            [
                ("ENDED", SaleStatus.Finished, true), ("LATER", SaleStatus.NotHeld, false), ("NEVER-OPENED", SaleStatus.Finished, true),
                ("OPEN-ENDED", SaleStatus.OnHeld, true), ("SELLING", SaleStatus.OnHeld, false), ("SOLD-OUT", SaleStatus.Finished, true),
                ("STARTED", SaleStatus.OnHeld, true),
            ],
            sales.Select(s => (s.Code, s.Status, s.UpdatedAt > before)));
        Assert.Equal(4, sales.Single(s => s.Code == "SELLING").SoldCount);

        // Finished sales are not looked at again; the next run finds nothing to change.
        var again = await RunAsync("updateSaleStatus");
        Assert.Equal((TaskState.Succeeded, 4L), (again.Task.State, again.Task.ItemsTotal ?? -1));
        Assert.Equal(sales.Select(s => (s.Code, s.Status, s.UpdatedAt)), (await SalesAsync()).Select(s => (s.Code, s.Status, s.UpdatedAt)));
    }

    [Fact]
    public async Task A_repeating_sale_whose_repeat_is_on_starts_it_with_its_sold_count_reset_once()
    {
        // A daily repeat that began 30 minutes ago (Tokyo time) and lasts two hours.
        var now = DateTimeOffset.UtcNow;
        var repeat = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-30);
        await AddSalesAsync(Sale("DAILY", now.AddDays(-3), null, SaleStatus.NotHeld, limit: 10, sold: 7, rule: Daily(repeat), minutes: 120));
        StartWorker();

        await RunAsync("updateSaleStatus");
        var sale = (await SalesAsync()).Single();
        Assert.Equal((SaleStatus.OnHeld, 0, repeat), (sale.Status, sale.SoldCount, sale.HeldFrom));

        // Sales during the repeat count; a later run of the same repeat does not reset them again.
        await using (var db = PosDb())
        {
            await db.Sales.ExecuteUpdateAsync(s => s.SetProperty(x => x.SoldCount, 3), Cancellation);
        }

        await RunAsync("updateSaleStatus");
        sale = (await SalesAsync()).Single();
        Assert.Equal((SaleStatus.OnHeld, 3, repeat), (sale.Status, sale.SoldCount, sale.HeldFrom));
    }

    [Fact]
    public async Task A_repeating_sale_is_not_held_between_repeats_nor_once_its_repeat_sold_out()
    {
        var now = DateTimeOffset.UtcNow;
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var current = minute.AddMinutes(-30);
        await AddSalesAsync(
            // Its daily hour began three hours ago and lasted one.
            Sale("BETWEEN", now.AddDays(-3), null, SaleStatus.OnHeld, rule: Daily(minute.AddHours(-3)), minutes: 60, heldFrom: minute.AddHours(-3)),
            // Its repeat is on, already started (and reset), and sold its limit.
            Sale("SOLD-OUT", now.AddDays(-3), null, SaleStatus.OnHeld, limit: 2, sold: 2, rule: Daily(current), minutes: 120, heldFrom: current),
            // A rule that does not parse: rejected, left alone.
            Sale("BAD-RULE", now.AddDays(-3), null, SaleStatus.NotHeld, rule: "every day at noon", minutes: 60),
            // Past its overall end: finished for good.
            Sale("OVER", now.AddDays(-3), now.AddMinutes(-1), SaleStatus.OnHeld, rule: Daily(current), minutes: 120, heldFrom: current));
        StartWorker();

        var done = await RunAsync("updateSaleStatus");

        Assert.Equal(TaskState.Succeeded, done.Task.State);
        var rejection = Assert.Single(done.Rejections);
        Assert.Equal("BAD-RULE", rejection.ItemKey);
        Assert.Contains("repeat rule 'every day at noon' is not a 5-field cron expression", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(
            [("BAD-RULE", SaleStatus.NotHeld, 0), ("BETWEEN", SaleStatus.NotHeld, 0), ("OVER", SaleStatus.Finished, 0), ("SOLD-OUT", SaleStatus.NotHeld, 2)],
            (await SalesAsync()).Select(s => (s.Code, s.Status, s.SoldCount)));
    }

    [Fact]
    public async Task A_run_for_one_store_leaves_the_others_and_an_unknown_store_fails_the_task()
    {
        var now = DateTimeOffset.UtcNow;
        await AddSalesAsync(Sale("ONE", now.AddMinutes(-1), null), Sale("TWO", now.AddMinutes(-1), null, store: "S002"));
        StartWorker();

        var unknown = await RunAsync("updateSaleStatus", new ScheduledBody("NOPE"));
        Assert.Equal(TaskState.DeadLettered, unknown.Task.State);
        Assert.Contains("unknown store 'NOPE'", unknown.Task.LastError, StringComparison.Ordinal);

        await RunAsync("updateSaleStatus", new ScheduledBody("S002"));
        Assert.Equal([("ONE", SaleStatus.NotHeld), ("TWO", SaleStatus.OnHeld)], (await SalesAsync()).Select(s => (s.Code, s.Status)));
    }

    // "M H * * *" at <at>'s Tokyo hour and minute.
    private static string Daily(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Tokyo);
        return $"{local.Minute} {local.Hour} * * *";
    }

    private Sale Sale(
        string code,
        DateTimeOffset startsAt,
        DateTimeOffset? endsAt,
        SaleStatus status = SaleStatus.NotHeld,
        int? limit = null,
        int sold = 0,
        string? rule = null,
        int? minutes = null,
        DateTimeOffset? heldFrom = null,
        string store = "S001") =>
        new()
        {
            StoreId = Stores[store],
            Code = code,
            Name = code,
            Status = status,
            StartsAt = startsAt,
            EndsAt = endsAt,
            QuantityLimit = limit,
            SoldCount = sold,
            RepeatRule = rule,
            RepeatMinutes = minutes,
            HeldFrom = heldFrom,
            UpdatedAt = DateTimeOffset.UtcNow.AddHours(-3),
        };

    private async Task AddSalesAsync(params Sale[] sales)
    {
        await using var db = PosDb();
        db.Sales.AddRange(sales);
        await db.SaveChangesAsync(Cancellation);
    }

    private async Task<List<Sale>> SalesAsync()
    {
        await using var db = PosDb();
        return await db.Sales.AsNoTracking().OrderBy(s => s.Code).ToListAsync(Cancellation);
    }
}
