using Workers.Domain;
using Workers.Hosting;
using Workers.Scheduled;
using Workers.Scheduled.Bundles;
using Workers.Scheduled.Sales;
using Workers.Scheduled.SetDeals;
using Workers.TaskManager;

return await WorkerProgram.RunAsync("scheduled", args, builder =>
{
    builder.Services.AddPosDomain<PosDbContext>();
    builder.AddShopClock();
    builder.AddTaskManager("scheduled")
        .UseDatabase<PosDbContext>(PosDbContext.Schema)
        .AddTask<ScheduledBody, UpdateSaleStatusHandler>("updateSaleStatus")
        .AddTask<ScheduledBody, UpdateSetDealStatusHandler>("updateSetDealStatus")
        .AddTask<ScheduledBody, UpdateBundleItemStatusHandler>("updateBundleItemStatus");
});
