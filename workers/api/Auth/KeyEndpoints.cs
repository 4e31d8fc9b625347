namespace Workers.Api.Auth;

// POST /api/keys {name, scopes} → 201 with the key (shown once); DELETE /api/keys/{keyId} revokes. Admin only.
internal static class KeyEndpoints
{
    public static RouteGroupBuilder MapKeyEndpoints(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/keys").RequireAuthorization(ApiScopes.Admin).WithTags("API keys");
        keys.MapPost("/", CreateAsync).WithSummary("Creates an API key; the key is in this answer only.");
        keys.MapDelete("/{keyId}", RevokeAsync).WithSummary("Revokes an API key.");
        return api;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ApiKeyStore store, ILogger<ApiKeyStore> logger, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestBody.ReadAsync<KeyRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(body!.Name) || body.Name.Length > 128)
        {
            errors["name"] = ["A name of 1 to 128 characters says whose key it is."];
        }

        var scopes = ApiScopes.Parse(body.Scopes ?? [], out var unknown);
        if (scopes is null)
        {
            errors["scopes"] = [unknown.Count > 0 ? $"Unknown scopes: {string.Join(", ", unknown)} (known: {string.Join(", ", ApiScopes.All)})." : "At least one scope."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The key request is invalid");
        }

        var (record, key) = await store.CreateAsync(body.Name!, scopes!, cancellationToken);
        Log.KeyCreated(logger, record.KeyId, record.Name, record.Scopes);
        return TypedResults.Created($"/api/keys/{record.KeyId}", new KeyCreated(record.KeyId, record.Name, scopes!, key));
    }

    private static async Task<IResult> RevokeAsync(string keyId, ApiKeyStore store, ILogger<ApiKeyStore> logger, CancellationToken cancellationToken)
    {
        if (!await store.RevokeAsync(keyId, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such key", detail: $"No live key '{keyId}'.");
        }

        Log.KeyRevoked(logger, keyId);
        return TypedResults.NoContent();
    }
}
