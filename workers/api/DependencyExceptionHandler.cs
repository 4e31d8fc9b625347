using Amazon.Runtime;
using Npgsql;

namespace Workers.Api;

// A dependency that fails during a request (PostgreSQL, SQS, S3 unreachable or throttling) is the service's
// temporary condition, not the client's mistake: 503 with Retry-After, as a problem document. Anything else
// falls through to the default handler (500, problem document, no details).
internal sealed class DependencyExceptionHandler(IProblemDetailsService problems, ILogger<DependencyExceptionHandler> logger) : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var dependency = exception switch
        {
            NpgsqlException or TimeoutException => "PostgreSQL",
            AmazonServiceException or AmazonClientException => "AWS (SQS or S3)",
            HttpRequestException => "an HTTP dependency",
            _ => null,
        };
        if (dependency is null)
        {
            return false;
        }

        Log.DependencyFailed(logger, httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = $"{dependency} is unavailable", Detail = "Retry in a few seconds." },
        });
    }
}
