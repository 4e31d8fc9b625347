namespace Workers.Api;

// Writes RFC 7807 problem documents from places that have no endpoint result (authentication, rate limiting),
// through the same IProblemDetailsService the endpoints' problems use, so every error looks the same.
internal static class ProblemResponses
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string? detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
