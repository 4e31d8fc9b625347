using System.Text;
using System.Text.Json;

namespace Workers.Build.Builds;

// A build server's answer to a build request (PROTOCOL.md): the bundle, or the error the user must fix.
internal sealed record ServerAnswer(bool Ok, byte[]? Bundle, double? BundlerMs, string? ErrorType, string? Message, string? Details)
{
    public static ServerAnswer Parse(JsonElement response)
    {
        var ok = response.TryGetProperty("ok", out var okValue) && okValue.ValueKind == JsonValueKind.True;
        string? Raw(string name) => response.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetRawText() : null;
        string? Text(string name) => response.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (ok)
        {
            var bundle = Text("bundle") ?? "";
            double? bundlerMs = response.TryGetProperty("stats", out var stats) && stats.TryGetProperty("durationMs", out var ms) && ms.TryGetDouble(out var d) ? d : null;
            return new ServerAnswer(true, Encoding.UTF8.GetBytes(bundle), bundlerMs, null, null, null);
        }

        return new ServerAnswer(false, null, null, Text("errorType"), Text("message") ?? "The build server gave no message.", Raw("details"));
    }
}
