using Microsoft.Extensions.Hosting;
using Serilog;
using Workers.Hosting;
using Workers.Product.CsvStock;
using Workers.Product.Data;
using Workers.Product.DemoData;
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
    builder.AddTaskManager("product")
        .UseDatabase<ProductDbContext>(ProductDbContext.Schema)
        .AddTask<UpdateStockBody, UpdateStockHandler>("updateStock")
        .AddTask<CsvStockBody, CsvStockHandler>("csvStock");

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
