namespace Workers.Api.Metrics;

// Times every request from the middleware's entry to the end of the pipeline (the response written, or an
// exception turned into a problem by the exception handler further out, which is counted as a 500).
internal sealed class RequestMetricsMiddleware(RequestDelegate next, RequestMetrics metrics, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api/metrics", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var started = time.GetTimestamp();
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            metrics.Record(time.GetElapsedTime(started), status);
        }
    }
}
