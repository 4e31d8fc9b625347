using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Workers.Cli.Commands;

// Durations as operators type them: 90s, 5m, 1h30m, 500ms, or a TimeSpan such as 00:05:00.
internal static partial class Durations
{
    public static TimeSpan Parse(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (TryParse(text, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        result.AddError($"'{text}' is not a duration: use 90s, 5m, 1h30m, 500ms or 00:05:00.");
        return default;
    }

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (!Whole().IsMatch(text))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
        }

        foreach (Match part in Part().Matches(text))
        {
            var number = double.Parse(part.Groups["number"].Value, CultureInfo.InvariantCulture);
            value += part.Groups["unit"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(number),
                "s" => TimeSpan.FromSeconds(number),
                "m" => TimeSpan.FromMinutes(number),
                _ => TimeSpan.FromHours(number),
            };
        }

        return true;
    }

    [GeneratedRegex(@"^(\d+(\.\d+)?(ms|s|m|h))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(?<number>\d+(\.\d+)?)(?<unit>ms|s|m|h)")]
    private static partial Regex Part();
}
