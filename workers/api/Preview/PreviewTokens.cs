using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Workers.Api.Options;

namespace Workers.Api.Preview;

// Short-lived signed tokens that let a browser read one build (its record and bundle) without an API key.
// A browser cannot hold an API key safely (anything the preview page can read, the person at it can copy, and
// an `enqueue` key would let them post builds), so whoever holds a key asks for a build and gets a link that
// carries `?token=<expires>.<HMAC-SHA256(key, "preview\n<build id>\n<expires>")>` instead: read-only, one build,
// expiring after Api:PreviewTokenLifetime. Stateless, so every API instance checks it with the shared key
// (Api:PreviewTokenKey); without that key each instance signs with a random one of its own.
internal sealed class PreviewTokens
{
    public const string QueryName = "token";

    private readonly byte[] _key;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public PreviewTokens(IOptions<ApiOptions> options, TimeProvider time, ILogger<PreviewTokens> logger)
    {
        var configured = options.Value.PreviewTokenKey;
        if (string.IsNullOrEmpty(configured))
        {
            _key = RandomNumberGenerator.GetBytes(32);
            Log.PreviewKeyGenerated(logger);
        }
        else
        {
            _key = Convert.FromBase64String(configured);
        }

        _lifetime = options.Value.PreviewTokenLifetime;
        _time = time;
    }

    public string Create(string buildId)
    {
        var expires = _time.GetUtcNow().Add(_lifetime).ToUnixTimeSeconds();
        return $"{expires.ToString(CultureInfo.InvariantCulture)}.{WebEncoders.Base64UrlEncode(Sign(buildId, expires))}";
    }

    // The preview page's path for a build, with a fresh token.
    public string Link(string buildId) => $"/preview/{Uri.EscapeDataString(buildId)}?{QueryName}={Create(buildId)}";

    public bool IsValid(string buildId, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Split('.') is not [var expiresText, var signatureText]
            || !long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires < _time.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        byte[] signature;
        try
        {
            signature = WebEncoders.Base64UrlDecode(signatureText);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(signature, Sign(buildId, expires));
    }

    private byte[] Sign(string buildId, long expires) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"preview\n{buildId}\n{expires.ToString(CultureInfo.InvariantCulture)}"));
}
