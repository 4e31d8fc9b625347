using Microsoft.Extensions.Hosting;
using Serilog;
using Workers.Domain;
using Workers.Hosting;
using Workers.Product.CsvStock;
using Workers.Product.DemoData;
using Workers.Product.StockProduct;
using Workers.Product.UpdateStock;
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
    builder.AddTaskManager("product")
        .UseDatabase<PosDbContext>(PosDbContext.Schema)
        .AddTask<UpdateStockBody, UpdateStockHandler>("updateStock")
        .AddTask<CsvStockBody, CsvStockHandler>("csvStock")
        .AddTask<StockProductBody, StockProductHandler>("stockProduct");

    using var host = builder.Build();
    return await host.RunWorkerAsync(args, DemoDataCommand.Command);
}
#pragma warning disable CA1031 // Whatever stops the host is logged as fatal, then the process exits non-zero.
catch (Exception ex)
#pragma warning restore CA1031
{
    return WorkerExit.Crashed(ex, "product");
}
finally
{
    await Log.CloseAndFlushAsync();
}
