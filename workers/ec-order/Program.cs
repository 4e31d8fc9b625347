using Workers.Domain;
using Workers.EcOrder.PaymentTimeout;
using Workers.Hosting;
using Workers.TaskManager;

return await WorkerProgram.RunAsync("ec-order", args, builder =>
{
    builder.Services.AddPosDomain<PosDbContext>();
    builder.AddTaskManager("ec-order")
        .UseDatabase<PosDbContext>(PosDbContext.Schema)
        .AddTask<PaymentTimeoutBody, PaymentTimeoutHandler>("paymentTimeout");
});
