using System.Globalization;
using System.Text.RegularExpressions;

namespace Workers.Infra.Tests.Checks;

// Copilot's durations are Go durations ("96h", "15m", "1h30m", "250ms"); a bare integer is not one.
public static partial class CopilotDuration
{
    public static TimeSpan? Parse(string? text)
    {
        if (text is null || !Whole().IsMatch(text))
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (Match part in Part().Matches(text))
        {
            var value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                _ => TimeSpan.FromMilliseconds(value),
            };
        }

        return total;
    }

    [GeneratedRegex(@"^(\d+(\.\d+)?(h|m|s|ms))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|h|m|s)")]
    private static partial Regex Part();
}
