using System.Security.Cryptography;
using System.Text;

namespace Workers.Api.Auth;

// API keys look like "wk_<key id>_<secret>": the id names the key in logs and in the admin endpoints, the secret
// is 32 random bytes. Only SHA-256(key) is stored. A password hash (PBKDF2, bcrypt, Argon2) exists to slow down
// guessing low-entropy secrets people choose; a 256-bit random secret cannot be guessed however fast the hash,
// and a slow hash would cost every request ~50 ms of CPU (or need a cache keyed by the plain key). A plain,
// unsalted SHA-256 also makes the lookup one indexed equality query.
internal static class ApiKeySecrets
{
    public const string Prefix = "wk_";

    public static (string KeyId, string Key) Create()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (keyId, $"{Prefix}{keyId}_{secret}");
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    // Cheap shape check before any lookup: a request with garbage in its header costs no database query.
    public static bool LooksValid(string key) =>
        key.Length is > 30 and < 100 && key.StartsWith(Prefix, StringComparison.Ordinal) && key.AsSpan(Prefix.Length).IndexOf('_') == 16;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
