using System.Globalization;
using System.Text.Json;

namespace Workers.TaskManager.Dispatch;

// Turns System.Text.Json's read errors into the same "path: problem" form the body walk reports. Its own
// message names C# types and parameters and advises the developer ("Consider updating its nullability
// annotation"); the sender needs the JSON path and whether the value there was a null.
internal static class JsonErrors
{
    private const int MaxPathLength = 200;
    private const int MaxDetailLength = 300;

    public static string Describe(JsonException exception, JsonElement body)
    {
        var path = exception.Path is { Length: > 0 } p ? Display(p) : "";
        var detail = path.Length > 0 && IsNullAt(body, exception.Path!) ? "must not be null" : Detail(exception.Message);
        return path.Length == 0 ? detail : $"{path}: {detail}";
    }

    // "$.items[0].sku" → "items[0].sku"; "$" → "".
    private static string Display(string path)
    {
        var shown = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return shown.Length > MaxPathLength ? shown[..MaxPathLength] + "…" : shown;
    }

    private static string Detail(string message)
    {
        var end = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var detail = end >= 0 ? message[..end] : message;
        return detail.Length > MaxDetailLength ? detail[..MaxDetailLength] + "…" : detail;
    }

    // Follows a System.Text.Json path ($.a.b[2]['c d']) through the body; false when it cannot.
    private static bool IsNullAt(JsonElement body, string path)
    {
        var current = body;
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                if (!Property(ref current, path[(i + 1)..end]))
                {
                    return false;
                }

                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0 || !Property(ref current, path[(i + 2)..end]))
                {
                    return false;
                }

                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || current.ValueKind != JsonValueKind.Array
                    || !int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    || index >= current.GetArrayLength())
                {
                    return false;
                }

                current = current[index];
                i = end + 1;
            }
            else
            {
                return false;
            }
        }

        return current.ValueKind == JsonValueKind.Null;
    }

    private static bool Property(ref JsonElement current, string name)
    {
        if (current.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        // The body was read case-insensitively (JsonSerializerDefaults.Web), so the sender may have written "SKU".
        foreach (var property in current.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                current = property.Value;
                return true;
            }
        }

        return false;
    }
}
