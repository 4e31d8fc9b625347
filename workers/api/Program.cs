using Workers.Api;
using Workers.Api.Auth;
using Workers.Hosting;
using Log = Serilog.Log;

if (HealthProbe.IsRequested(args))
{
    return HealthProbe.Run();
}

Log.Logger = WorkerLogging.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddWorkerDefaults();
    builder.AddApi();

    await using var app = builder.Build();
    app.UseApi();
    app.MapApi();

    // Arguments that start with "--" are configuration (WebApplicationFactory passes its settings so); a
    // command (migrate, api-keys …) comes first.
    string[] command = args is [var first, ..] && !first.StartsWith('-') ? args : [];
    return await app.RunWorkerAsync(command, ApiKeysCommand.Create);
}
#pragma warning disable CA1031 // Whatever stops the host is logged as fatal, then the process exits non-zero.
catch (Exception ex) when (ex is not HostAbortedException)
#pragma warning restore CA1031
{
    return WorkerExit.Crashed(ex, ApiServiceCollectionExtensions.ApplicationName);
}
finally
{
    await Log.CloseAndFlushAsync();
}
