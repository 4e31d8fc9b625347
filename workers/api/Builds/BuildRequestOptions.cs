using System.Text.Json;

namespace Workers.Api.Builds;

// A build's options, the members the build worker's BuildSettings knows. Checked here for shape only (engine
// name, types); the build server decides what is allowed (dependency allowlist, Vite settings) and answers a
// failed build with VALIDATION_ERROR otherwise.
internal sealed record BuildRequestOptions(
    string? Engine = null,
    IReadOnlyList<string>? Dependencies = null,
    bool? Minify = null,
    JsonElement? ViteConfig = null)
{
    public static readonly IReadOnlyList<string> Engines = ["esbuild", "vite"];
}
