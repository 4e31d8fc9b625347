using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Workers.Api.Auth;

// Authenticates "Authorization: Bearer <key>" (or "X-Api-Key: <key>") against the stored key hashes. The
// principal carries the key id (NameIdentifier, the rate limiter's partition) and one claim per scope.
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey();
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeySecrets.LooksValid(key) || await keys.FindAsync(key, Context.RequestAborted) is not { } identity)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        Claim[] claims = [new(ClaimTypes.NameIdentifier, identity.KeyId), new(ClaimTypes.Name, identity.Name), .. identity.Scopes.Select(s => new Claim(ApiScopes.ClaimType, s))];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    // 401 with the scheme named, as RFC 9110 asks; the body is a problem document (ProblemResponses).
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"workers\"";
        return ProblemResponses.WriteAsync(Context, StatusCodes.Status401Unauthorized, "An API key is required", "Send it as 'Authorization: Bearer <key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResponses.WriteAsync(Context, StatusCodes.Status403Forbidden, "The API key lacks the scope this endpoint needs", null);

    private string? ReadKey()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        var header = Request.Headers["X-Api-Key"].ToString();
        return header.Length > 0 ? header : null;
    }
}
