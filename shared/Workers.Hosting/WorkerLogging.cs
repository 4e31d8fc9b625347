using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace Workers.Hosting;

/// <summary>
/// Serilog setup: one JSON object per line on stdout (CloudWatch Logs indexes its fields), carrying the task's
/// identifiers from the TaskManager's log scope and the trace id from the current Activity. Set
/// <c>WorkerLogging:Format</c> to <c>text</c> for a terminal.
/// </summary>
public static class WorkerLogging
{
    /// <summary>
    /// The logger used until the host has read its configuration, so start-up failures are logged too. It is
    /// reloadable: the host reconfigures it in place (AddSerilog) instead of replacing it, so it still works after
    /// the host is disposed, for the last fatal line.
    /// </summary>
    public static Serilog.Extensions.Hosting.ReloadableLogger CreateBootstrapLogger() =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.Console(new CompactJsonFormatter())
            .CreateBootstrapLogger();

    internal static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration) =>
        logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            // The host logs a failed start with its stack trace; WorkerExit.Crashed reports it once, readably.
            .MinimumLevel.Override("Microsoft.Extensions.Hosting.Internal.Host", LogEventLevel.Fatal)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("Npgsql", LogEventLevel.Warning)
            // EF logs every failed command at Error, including its own probe for the migrations history table on a
            // fresh database; a failed command in a handler is logged by the TaskManager with the task's context.
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", LogEventLevel.Fatal)
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(Formatter(configuration));

    private static ITextFormatter Formatter(IConfiguration configuration) =>
        string.Equals(configuration["WorkerLogging:Format"], "text", StringComparison.OrdinalIgnoreCase)
            ? new MessageTemplateTextFormatter("[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}")
            : new CompactJsonFormatter();
}
