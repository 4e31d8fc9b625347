using Workers.Domain;
using Workers.Hosting;
using Workers.Product.CsvStock;
using Workers.Product.DemoData;
using Workers.Product.StockProduct;
using Workers.Product.UpdateStock;
using Workers.TaskManager;

return await WorkerProgram.RunAsync("product", args, builder =>
{
    builder.Services.AddPosDomain<PosDbContext>();
    builder.AddTaskManager("product")
        .UseDatabase<PosDbContext>(PosDbContext.Schema)
        .AddTask<UpdateStockBody, UpdateStockHandler>("updateStock")
        .AddTask<CsvStockBody, CsvStockHandler>("csvStock")
        .AddTask<StockProductBody, StockProductHandler>("stockProduct");
}, DemoDataCommand.Command);
