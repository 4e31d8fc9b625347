using Microsoft.Extensions.Logging;

namespace Workers.Hosting;

internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Information, "{Context}: applied {Count} migration(s) {Migrations}")]
    public static partial void Migrated(ILogger logger, string context, int count, string migrations);
}
