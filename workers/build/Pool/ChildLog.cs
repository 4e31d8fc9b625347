using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Workers.Build.Pool;

// Forwards a build server's stderr to the worker's structured log: each line is a JSON object
// {"level","msg",...fields}; a line that is not (a Node crash trace) is logged as-is at warning level.
internal static class ChildLog
{
    public static async Task PumpAsync(StreamReader stderr, ILogger logger, int pid)
    {
        try
        {
            while (await stderr.ReadLineAsync() is { } line)
            {
                Forward(line, logger, pid);
            }
        }
        catch (IOException)
        {
            // The process is gone; nothing more to read.
        }
    }

    private static void Forward(string line, ILogger logger, int pid)
    {
        if (line.Length == 0)
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("msg", out var msg))
            {
                var level = root.TryGetProperty("level", out var l) ? Level(l.GetString()) : LogLevel.Information;
                Log.ChildLine(logger, level, pid, msg.ToString(), line);
                return;
            }
        }
        catch (JsonException)
        {
            // Not JSON: logged raw below.
        }

        Log.ChildRawLine(logger, pid, line);
    }

    private static LogLevel Level(string? level) => level switch
    {
        "debug" => LogLevel.Debug,
        "warn" => LogLevel.Warning,
        "error" => LogLevel.Error,
        _ => LogLevel.Information,
    };
}
