using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Workers.Domain.Promotions;
using Workers.Scheduled.Tests.Infrastructure;
using Workers.TaskManager.Persistence;

namespace Workers.Scheduled.Tests;

// The one test about time passing, end to end: the fleet scheduler of the worker process itself enqueues
// updateSaleStatus every second (the deployment override of the declared every-minute expression), and a sale
// whose window is a few seconds ahead opens and closes on its own. The test follows the occurrences by their task
// ids ("sale-status@<second>"), so each await is for a task record, never for time.
public sealed class SaleWindowInRealTimeTests : ScheduledWorkerTest
{
    [Fact]
    public async Task The_scheduler_opens_a_sale_when_its_window_starts_and_closes_it_when_it_ends()
    {
        var worker = StartWorker(new Dictionary<string, string?>
        {
            ["TaskManager__Scheduler__Enabled"] = "true",
            ["TaskManager__Scheduler__Schedules__sale-status__Cron"] = "* * * * * *",
            ["TaskManager__Scheduler__Schedules__bundle-status__Enabled"] = "false",
            ["TaskManager__Scheduler__Schedules__set-deal-status__Enabled"] = "false",
        });

        // The worker is up and warm, its first occurrence handled, before the window is set.
        var enqueued = await worker.WaitForLineAsync("enqueued as updateSaleStatus task", Patience);
        await WaitUntilFinishedAsync(Regex.Match(enqueued, @"sale-status@\d{8}T\d{6}Z").Value);

        var start = WholeSecond(DateTimeOffset.UtcNow).AddSeconds(3);
        var end = start.AddSeconds(3);
        await using (var db = PosDb())
        {
            db.Sales.Add(new Sale { StoreId = Stores["S001"], Code = "FLASH", Name = "Flash sale", StartsAt = start, EndsAt = end, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(Cancellation);
        }

        var runs = new List<(DateTimeOffset Occurrence, DateTimeOffset Finished, SaleStatus Status)>();
        for (var occurrence = start.AddSeconds(-2); occurrence <= end.AddSeconds(1); occurrence = occurrence.AddSeconds(1))
        {
            var run = await WaitUntilFinishedAsync(TaskId(occurrence));
            Assert.Equal(TaskState.Succeeded, run.Task.State);
            await using var db = PosDb();
            runs.Add((occurrence, run.Task.UpdatedAt, await db.Sales.AsNoTracking().Select(s => s.Status).SingleAsync(Cancellation)));
        }

        // A run sees the clock between its occurrence and its end: a run over before the window leaves the sale
        // not held, one within it finds it on, one after it finds it over; each state was seen, none too early.
        Assert.All(runs.Where(r => r.Finished < start), r => Assert.Equal(SaleStatus.NotHeld, r.Status));
        Assert.All(runs.Where(r => r.Occurrence >= start && r.Finished < end), r => Assert.Equal(SaleStatus.OnHeld, r.Status));
        Assert.All(runs.Where(r => r.Occurrence >= end), r => Assert.Equal(SaleStatus.Finished, r.Status));
        Assert.All(runs.Where(r => r.Finished < end), r => Assert.NotEqual(SaleStatus.Finished, r.Status));
        Assert.Equal([SaleStatus.NotHeld, SaleStatus.OnHeld, SaleStatus.Finished], runs.Select(r => r.Status).Distinct());
    }

    private static string TaskId(DateTimeOffset occurrence) => $"sale-status@{occurrence.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";

    private static DateTimeOffset WholeSecond(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));
}
