using Microsoft.Extensions.Hosting;
using Serilog;
using Workers.Domain;
using Workers.Hosting;
using Workers.TaskManager;
using Workers.Transaction.CreateTransaction;
using Workers.Transaction.UpdateTransaction;

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
    builder.AddTaskManager("transaction")
        .UseDatabase<PosDbContext>(PosDbContext.Schema)
        .AddTask<CreateTransactionBody, CreateTransactionHandler>("createTransaction")
        .AddTask<UpdateTransactionBody, UpdateTransactionHandler>("updateTransaction");

    using var host = builder.Build();
    return await host.RunWorkerAsync(args);
}
#pragma warning disable CA1031 // Whatever stops the host is logged as fatal, then the process exits non-zero.
catch (Exception ex)
#pragma warning restore CA1031
{
    return WorkerExit.Crashed(ex, "transaction");
}
finally
{
    await Log.CloseAndFlushAsync();
}
