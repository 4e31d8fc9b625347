namespace Workers.Api.Auth;

// POST /api/keys: {"name": "shop frontend", "scopes": ["enqueue", "read"]}.
internal sealed record KeyRequest(string? Name, IReadOnlyList<string>? Scopes);
