using Workers.Domain;
using Workers.ExternalEc;
using Workers.ExternalEc.CancelOrder;
using Workers.ExternalEc.ImportOrder;
using Workers.ExternalEc.UpdateProducts;
using Workers.Hosting;
using Workers.TaskManager;

return await WorkerProgram.RunAsync("external-ec", args, builder =>
{
    builder.Services.AddPosDomain<PosDbContext>();
    builder.AddOchanoko();
    builder.AddTaskManager("external-ec")
        .UseDatabase<PosDbContext>(PosDbContext.Schema)
        .AddTask<ImportOchanokoOrderBody, ImportOchanokoOrderHandler>("importOchanokoOrder")
        .AddTask<OchanokoUpdateBody, OchanokoUpdateStockHandler>("ochanokoUpdateStock")
        .AddTask<OchanokoUpdateBody, OchanokoUpdatePriceHandler>("ochanokoUpdatePrice")
        .AddTask<CancelOchanokoOrderBody, CancelOchanokoOrderHandler>("cancelOchanokoOrder");
});
