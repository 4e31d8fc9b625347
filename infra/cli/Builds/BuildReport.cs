using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Workers.Cli.Output;

namespace Workers.Cli.Builds;

// What `workers build <id>` and `enqueue build --wait` print about a build.
internal static class BuildReport
{
    public static void Write(IAnsiConsole console, BuildView build)
    {
        var grid = Grids.LabelValue()
            .AddText("build", build.BuildId)
            .AddText("status", build.ErrorType is { } type ? $"{build.Status} ({type})" : build.Status)
            .AddText("engine", build.Engine)
            .AddText("duration", Duration(build))
            .AddText("attempts", build.Attempts.ToString(CultureInfo.InvariantCulture))
            .AddText("source", $"{Formats.Count(build.SourceBytes)} bytes")
            .AddText("created", Formats.Time(build.CreatedAt))
            .AddText("finished", Formats.Time(build.FinishedAt))
            .AddText("task", build.TaskId);
        if (build.BundleLocation is { } location)
        {
            grid.AddText("bundle", $"{location} ({Formats.Count(build.BundleBytes)} bytes{(build.CacheHit ? ", reused from an identical earlier build" : "")})");
            grid.AddText("fetch", $"workers build {build.BuildId} --output bundle.js");
        }

        if (build.ErrorMessage is { } error)
        {
            grid.AddText("error", error);
        }

        foreach (var detail in Details(build.Details))
        {
            grid.AddText("", detail);
        }

        console.Write(grid);
    }

    private static string Duration(BuildView build)
    {
        if (build.TotalMs is not { } total)
        {
            return "-";
        }

        var text = Formats.Duration(TimeSpan.FromMilliseconds(total));
        return build.CacheHit ? $"{text} (cache hit: the bundler did not run)"
            : build.BuildMs is { } bundler ? $"{text} (bundler {bundler.ToString("0.0", CultureInfo.InvariantCulture)} ms on build server {build.ProcessId})"
            : text;
    }

    // The bundler's messages: "App.jsx:3:10  Expected ...", then the offending line.
    private static IEnumerable<string> Details(string? json)
    {
        if (json is null || JsonDocument.Parse(json).RootElement is not { ValueKind: JsonValueKind.Array } details)
        {
            yield break;
        }

        foreach (var detail in details.EnumerateArray().Take(10))
        {
            string? Field(string name) => detail.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null;
            var where = Field("line") is { } line ? $"{Field("file") ?? "App.jsx"}:{line}:{Field("column") ?? "?"}" : Field("file") ?? "";
            yield return $"  {where}  {Field("text")}";
            if (Field("lineText") is { Length: > 0 } lineText)
            {
                yield return $"      {lineText}";
            }
        }
    }
}
