using System.Text;

namespace Workers.Api.Preview;

// GET /preview/{id}?token=… (the parent page) and GET /preview/_loader (the sandboxed loader). Both are
// anonymous: the page is useless without a valid token, which it checks before rendering, and the loader is
// the same static document for every build. "_" cannot start a build id, so the loader's path is no build's.
internal static class PreviewEndpoints
{
    public static WebApplication MapPreviewEndpoints(this WebApplication app)
    {
        app.MapGet("/preview/{id}", IResult (string id, string? token, PreviewTokens tokens, HttpContext context) =>
            {
                if (!tokens.IsValid(id, token))
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status401Unauthorized,
                        title: "The preview link has no valid token",
                        detail: $"Links expire; GET /api/builds/{id} with an API key gives a fresh one (links.preview).");
                }

                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = PreviewPages.ParentPolicy;
                headers.CacheControl = "no-store";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XContentTypeOptions = "nosniff";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Results.Text(PreviewPages.Parent(id, token!), "text/html", Encoding.UTF8);
            })
            .AllowAnonymous()
            .WithTags("Preview")
            .WithSummary("The sandboxed preview of a build; the link with its token is the build's links.preview.");

        app.MapGet(PreviewPages.LoaderPath, (HttpContext context) =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = PreviewPages.LoaderPolicy;
                headers.CacheControl = "no-cache";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XContentTypeOptions = "nosniff";
                return Results.Text(PreviewPages.Loader, "text/html", Encoding.UTF8);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
