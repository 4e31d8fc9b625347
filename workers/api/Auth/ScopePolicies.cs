using Microsoft.AspNetCore.Authorization;

namespace Workers.Api.Auth;

// One authorization policy per scope, named after it; admin satisfies every policy.
internal static class ScopePolicies
{
    public static AuthorizationBuilder AddScopePolicies(this AuthorizationBuilder builder)
    {
        foreach (var scope in ApiScopes.All)
        {
            builder.AddPolicy(scope, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.HasClaim(ApiScopes.ClaimType, scope) || context.User.HasClaim(ApiScopes.ClaimType, ApiScopes.Admin)));
        }

        return builder;
    }
}
