using Microsoft.AspNetCore.Authorization;
using Workers.Api.Auth;

namespace Workers.Api.Preview;

// Grants PreviewAccessRequirement to a key with the read scope, or to a request whose ?token= is a valid
// preview token for the route's {id}. Without either, the policy fails as the read scope does: 401 without a
// key, 403 with one that lacks the scope.
internal sealed class PreviewAccessHandler(PreviewTokens tokens) : AuthorizationHandler<PreviewAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PreviewAccessRequirement requirement)
    {
        var user = context.User;
        if (user.HasClaim(ApiScopes.ClaimType, ApiScopes.Read) || user.HasClaim(ApiScopes.ClaimType, ApiScopes.Admin))
        {
            context.Succeed(requirement);
        }
        else if (context.Resource is HttpContext http
            && http.Request.RouteValues["id"] is string id
            && tokens.IsValid(id, http.Request.Query[PreviewTokens.QueryName]))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
