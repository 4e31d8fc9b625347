namespace Workers.Api.Auth;

// A new key; Key is the secret the client sends, shown here once and never again.
internal sealed record KeyCreated(string KeyId, string Name, IReadOnlyList<string> Scopes, string Key);
