using System.Globalization;

namespace Workers.TaskManager.References;

// What makes a key path-like: anything that a tool copying objects to disk, a URL built from the key, or a
// proxy normalising it could resolve to another place than the literal key. S3 itself takes keys literally, so
// these rules are about everything downstream of S3 (and about logs): segments "." and "..", empty segments
// (a leading '/', "//"), backslashes, control and invisible characters, and percent-escapes that decode to any
// of these (decoded up to MaxDecodeRounds times, for double encoding).
internal static class KeyRules
{
    // S3 allows 1,024 bytes; the fleet's own keys stay far below this (FleetKeys bounds each part).
    public const int MaxKeyLength = 512;
    private const int MaxDecodeRounds = 3;

    // The rule the key breaks, or null when it breaks none.
    public static string? Broken(string key)
    {
        if (key.Length == 0)
        {
            return "the key is empty";
        }

        if (key.Length > MaxKeyLength)
        {
            return $"the key is {key.Length:N0} characters long; at most {MaxKeyLength} are accepted";
        }

        var current = key;
        for (var round = 0; round <= MaxDecodeRounds; round++)
        {
            if (PathRule(current) is { } broken)
            {
                return round == 0 ? $"the key has {broken}" : $"a percent-escape in the key decodes to {broken}";
            }

            if (!current.Contains('%', StringComparison.Ordinal))
            {
                return null;
            }

            var decoded = Uri.UnescapeDataString(current);
            if (decoded == current)
            {
                return null;
            }

            current = decoded;
        }

        return $"the key is percent-encoded more than {MaxDecodeRounds} times over";
    }

    private static string? PathRule(string key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c == '\\')
            {
                return "a backslash";
            }

            if (char.IsHighSurrogate(c) && i + 1 < key.Length && char.IsLowSurrogate(key[i + 1]))
            {
                i++;
                continue;
            }

            if (IsHidden(c))
            {
                return "a control or invisible character";
            }
        }

        foreach (var segment in key.Split('/'))
        {
            switch (segment)
            {
                case "":
                    return "an empty path segment (a leading '/', '//' or a trailing '/')";
                case "." or "..":
                    return "a '.' or '..' path segment";
                default:
                    break;
            }
        }

        return null;
    }

    // Control characters (C0, DEL, C1), format characters (bidi overrides, zero-width), line and paragraph
    // separators and lone surrogates: none belongs in a key, and each can disguise a key in a log or terminal.
    internal static bool IsHidden(char c) =>
        char.IsControl(c) || char.IsSurrogate(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
