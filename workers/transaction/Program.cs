using Workers.Domain;
using Workers.Hosting;
using Workers.TaskManager;
using Workers.Transaction.CreateTransaction;
using Workers.Transaction.UpdateTransaction;

return await WorkerProgram.RunAsync("transaction", args, builder =>
{
    builder.Services.AddPosDomain<PosDbContext>();
    builder.AddTaskManager("transaction")
        .UseDatabase<PosDbContext>(PosDbContext.Schema)
        .AddTask<CreateTransactionBody, CreateTransactionHandler>("createTransaction")
        .AddTask<UpdateTransactionBody, UpdateTransactionHandler>("updateTransaction");
});
