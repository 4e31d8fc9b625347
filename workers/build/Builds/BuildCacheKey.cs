using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Workers.Build.Pool;
using Workers.TaskManager;

namespace Workers.Build.Builds;

// What makes two builds the same: the source bytes, the options, and the toolchain (Node, esbuild, Vite, React,
// the script). A success with the same key is reused without running the bundler.
internal static class BuildCacheKey
{
    public static string Compute(string sourceSha256, BuildSettings settings, BuildToolchain toolchain)
    {
        var options = OptionsJson(settings);
        var text = $"source:{sourceSha256}\noptions:{options}\ntoolchain:{toolchain.Fingerprint}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    // Options as stored and hashed: the record's members in declaration order, dependencies sorted, so listing
    // them in another order is the same build.
    public static string OptionsJson(BuildSettings settings)
    {
        var normalized = settings with
        {
            Dependencies = settings.Dependencies is { Count: > 0 } dependencies ? [.. dependencies.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] : null,
        };
        return JsonSerializer.Serialize(normalized, TaskJson.Options);
    }

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
