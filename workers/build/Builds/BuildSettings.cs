using System.Text.Json;

namespace Workers.Build.Builds;

// A build's options, passed to the build server as they are: it decides what is allowed (engine, the
// dependency allowlist, the safe subset of Vite settings) and answers VALIDATION_ERROR otherwise, which makes a
// failed build, not a dead-lettered message.
internal sealed record BuildSettings(
    string Engine = BuildSettings.Esbuild,
    IReadOnlyList<string>? Dependencies = null,
    bool Minify = true,
    JsonElement? ViteConfig = null)
{
    public const string Esbuild = "esbuild";
}
