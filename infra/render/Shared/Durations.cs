using System.Globalization;

namespace Workers.Infra.Render.Shared;

// Go-style durations as Copilot manifests take them ("96h", "15m", "45s", "600ms"), in the largest whole unit.
internal static class Durations
{
    public static string Format(TimeSpan value)
    {
        var ms = (long)value.TotalMilliseconds;
        return ms switch
        {
            _ when ms % 3_600_000 == 0 => (ms / 3_600_000).ToString(CultureInfo.InvariantCulture) + "h",
            _ when ms % 60_000 == 0 => (ms / 60_000).ToString(CultureInfo.InvariantCulture) + "m",
            _ when ms % 1_000 == 0 => (ms / 1_000).ToString(CultureInfo.InvariantCulture) + "s",
            _ => ms.ToString(CultureInfo.InvariantCulture) + "ms",
        };
    }

    public static string Seconds(TimeSpan value) => ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
