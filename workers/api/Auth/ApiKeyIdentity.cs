namespace Workers.Api.Auth;

// A key as the authentication handler needs it, cached by the key's hash.
internal sealed record ApiKeyIdentity(string KeyId, string Name, IReadOnlyList<string> Scopes);
