using System.Security.Cryptography;
using System.Text;

namespace Workers.Api.Idempotency;

// The Idempotency-Key request header (draft-ietf-httpapi-idempotency-key-header) and what it is compared by.
internal static class IdempotencyHeader
{
    public const string Name = "Idempotency-Key";

    // The key, null when absent; a problem when present but unusable.
    public static string? Read(HttpRequest request, out string? problem)
    {
        problem = null;
        var values = request.Headers[Name];
        if (values.Count == 0)
        {
            return null;
        }

        var key = values.ToString();
        if (values.Count > 1 || key.Length is 0 or > Data.IdempotencyKey.MaxLength || key.Any(c => c is < '!' or > '~'))
        {
            problem = $"{Name} is one value of 1 to {Data.IdempotencyKey.MaxLength} printable ASCII characters.";
            return null;
        }

        return key;
    }

    // What "the same request" means: the same canonical JSON (re-serialized, so whitespace and member order of
    // the client's text do not matter).
    public static string RequestHash(string operation, string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{operation}\n{canonicalJson}")));
}
