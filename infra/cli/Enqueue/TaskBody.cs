using System.Text.Json;
using System.Text.Json.Nodes;
using Workers.Cli.Errors;

namespace Workers.Cli.Enqueue;

// The task body from --body or --body-file: a JSON object, or {} when neither is given.
internal static class TaskBody
{
    public static JsonObject Parse(string? inline, FileInfo? file)
    {
        string json, source;
        if (file is not null)
        {
            if (!file.Exists)
            {
                throw CliException.Usage($"--body-file {file.FullName} does not exist.");
            }

            json = File.ReadAllText(file.FullName);
            source = $"--body-file {file.Name}";
        }
        else if (inline is not null)
        {
            json = inline;
            source = "--body";
        }
        else
        {
            return [];
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw CliException.Usage($"{source} is not valid JSON at line {ex.LineNumber + 1}, column {ex.BytePositionInLine + 1}: {Reason(ex)}");
        }

        return node as JsonObject
            ?? throw CliException.Usage($"{source} must be a JSON object ({{...}}), not {(node is null ? "null" : node.GetValueKind().ToString().ToLowerInvariant())}.");
    }

    // System.Text.Json appends " LineNumber: 0 | BytePositionInLine: 7." (0-based); the line above says it 1-based.
    private static string Reason(JsonException ex)
    {
        var message = ex.Message;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return position > 0 ? message[..position] : message;
    }
}
