using Microsoft.AspNetCore.Authorization;

namespace Workers.Api.Preview;

// Reading one build: an API key with the read scope (or admin), or that build's preview token in the query.
internal sealed class PreviewAccessRequirement : IAuthorizationRequirement
{
    public const string Policy = "read-or-preview";
}
