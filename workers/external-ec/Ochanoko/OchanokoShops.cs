using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Workers.ExternalEc.Ochanoko;

// The stores' Ochanoko shops: store code → the shop's bearer token, from the ShopTokens setting (validated at
// start, so parsing here cannot fail). A store with no token has no shop: its orders are refused and its EC sync
// marks are dropped.
internal sealed class OchanokoShops(IOptions<OchanokoOptions> options)
{
    private readonly Dictionary<string, string> _tokens = Parse(options.Value.ShopTokens);

    public bool TryGetToken(string storeCode, [NotNullWhen(true)] out string? token) => _tokens.TryGetValue(storeCode, out token);

    public IReadOnlyCollection<string> StoreCodes => _tokens.Keys;

    public static bool TryParse(string? json, [NotNullWhen(true)] out Dictionary<string, string>? tokens, [NotNullWhen(false)] out string? problem)
    {
        tokens = null;
        problem = null;
        try
        {
            var parsed = JsonSerializer.Deserialize<Dictionary<string, string>>(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            if (parsed is null || parsed.Any(p => string.IsNullOrWhiteSpace(p.Key) || string.IsNullOrWhiteSpace(p.Value)))
            {
                problem = "expected a JSON object of store code → non-empty token, e.g. {\"S001\":\"tok-…\"}.";
                return false;
            }

            tokens = new Dictionary<string, string>(parsed, StringComparer.Ordinal);
            return true;
        }
        catch (JsonException ex)
        {
            // The message names the position, never the value: it is a secret.
            problem = $"not a JSON object of store code → token ({ex.Message.Split('.')[0]}).";
            return false;
        }
    }

    private static Dictionary<string, string> Parse(string json) =>
        TryParse(json, out var tokens, out var problem) ? tokens : throw new InvalidOperationException(problem);
}
