using Microsoft.Extensions.Hosting;
using Workers.Build;
using Workers.Build.Builds;
using Workers.Build.Data;
using Workers.Hosting;
using Workers.TaskManager;
using Log = Serilog.Log;

if (HealthProbe.IsRequested(args))
{
    return HealthProbe.Run();
}

Log.Logger = WorkerLogging.CreateBootstrapLogger();
try
{
    var builder = Host.CreateApplicationBuilder(args);
    builder.AddWorkerDefaults();

    // Before AddTaskManager: the pool is warm before the first receive and outlives the consumer's drain.
    builder.AddBuildPool();
    builder.AddTaskManager("build")
        .UseDatabase<BuildDbContext>(BuildDbContext.Schema)
        .AddTask<BuildBody, BuildHandler>("build");

    using var host = builder.Build();
    return await host.RunWorkerAsync(args);
}
#pragma warning disable CA1031 // Whatever stops the host is logged as fatal, then the process exits non-zero.
catch (Exception ex)
#pragma warning restore CA1031
{
    return WorkerExit.Crashed(ex, "build");
}
finally
{
    await Log.CloseAndFlushAsync();
}
