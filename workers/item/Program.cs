using Microsoft.Extensions.Hosting;
using Serilog;
using Workers.Domain;
using Workers.Hosting;
using Workers.Item.CreateItem;
using Workers.Item.UpdateItem;
using Workers.Item.UpdateMycaItem;
using Workers.TaskManager;

if (HealthProbe.IsRequested(args))
{
    return HealthProbe.Run();
}

Log.Logger = WorkerLogging.CreateBootstrapLogger();
try
{
    var builder = Host.CreateApplicationBuilder(args);
    builder.AddWorkerDefaults();
    builder.Services.AddPosDomain<PosDbContext>();
    builder.AddTaskManager("item")
        .UseDatabase<PosDbContext>(PosDbContext.Schema)
        .AddTask<CreateItemBody, CreateItemHandler>("createItem")
        .AddTask<UpdateItemBody, UpdateItemHandler>("updateItem")
        .AddTask<UpdateMycaItemBody, UpdateMycaItemHandler>("updateMycaItem");

    using var host = builder.Build();
    return await host.RunWorkerAsync(args);
}
#pragma warning disable CA1031 // Whatever stops the host is logged as fatal, then the process exits non-zero.
catch (Exception ex)
#pragma warning restore CA1031
{
    return WorkerExit.Crashed(ex, "item");
}
finally
{
    await Log.CloseAndFlushAsync();
}
