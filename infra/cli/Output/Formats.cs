using System.Globalization;

namespace Workers.Cli.Output;

// How numbers, durations and times read in the CLI's output; invariant, so output is the same on every machine.
internal static class Formats
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Count(long? value) => value is { } v ? Count(v) : "?";

    public static string Duration(TimeSpan value) => value switch
    {
        { TotalSeconds: < 1 } => $"{value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms",
        { TotalMinutes: < 1 } => $"{value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s",
        { TotalHours: < 1 } => $"{(int)value.TotalMinutes}m {value.Seconds:00}s",
        _ => $"{(int)value.TotalHours}h {value.Minutes:00}m",
    };

    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? value) => value is { } v ? Time(v) : "-";

    public static string Rate(double perSecond) => perSecond.ToString("N1", CultureInfo.InvariantCulture);
}
