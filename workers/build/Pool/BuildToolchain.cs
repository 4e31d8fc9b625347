using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Workers.Build.Pool;

// What produced a bundle, from the server's ready line: Node, esbuild, Vite and React versions and a hash of the
// script. It is part of the build cache key, so upgrading any of them never serves a bundle built by the old one.
internal sealed record BuildToolchain(string Json)
{
    public static readonly BuildToolchain Unknown = new("{}");

    public string Fingerprint { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Json)));

    public static BuildToolchain FromReady(JsonElement ready)
    {
        if (!ready.TryGetProperty("toolchain", out var toolchain) || toolchain.ValueKind != JsonValueKind.Object)
        {
            return Unknown;
        }

        // Members sorted, so the fingerprint does not depend on the order the server writes them in.
        var sorted = toolchain.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).ToDictionary(p => p.Name, p => p.Value);
        return new BuildToolchain(JsonSerializer.Serialize(sorted));
    }
}
