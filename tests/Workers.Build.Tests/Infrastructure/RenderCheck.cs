using System.Diagnostics;
using System.Text.Json;
using Workers.Testing;

namespace Workers.Build.Tests.Infrastructure;

// Runs workers/build/node/tools/render-check.mjs on a bundle: loads it in jsdom, reads #root's text, optionally
// clicks and reads it again. Its waits are bounded MutationObserver waits, not sleeps.
internal static class RenderCheck
{
    public static async Task<RenderResult> RunAsync(string bundlePath, string? click = null)
    {
        var node = Path.Combine(RepositoryRoot.Path, "workers", "build", "node");
        var start = new ProcessStartInfo("node", [Path.Combine(node, "tools", "render-check.mjs"), bundlePath, .. click is null ? Array.Empty<string>() : ["--click", click]])
        {
            WorkingDirectory = node,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60));
        var json = (await output).Trim();
        TestContext.Current.TestOutputHelper?.WriteLine($"render-check: {json}\n{await errors}");
        var root = JsonDocument.Parse(json.Split('\n')[^1]).RootElement;
        return new RenderResult(
            root.GetProperty("text").GetString() ?? "",
            root.TryGetProperty("afterClick", out var after) && after.ValueKind == JsonValueKind.String ? after.GetString() : null,
            [.. root.GetProperty("errors").EnumerateArray().Select(e => e.ToString())]);
    }
}

internal sealed record RenderResult(string Text, string? AfterClick, IReadOnlyList<string> Errors);
