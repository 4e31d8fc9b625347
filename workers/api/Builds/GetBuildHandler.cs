using Microsoft.Extensions.Options;
using Workers.Api.Options;
using Workers.Api.Preview;

namespace Workers.Api.Builds;

// GET /api/builds/{id}[?wait=seconds]: the build now, or, with wait, as soon as it has finished (at most
// Api:MaxWait): a long poll woken by the database's notifications.
internal sealed class GetBuildHandler(BuildWaiter waiter, IOptions<ApiOptions> options, PreviewTokens previews)
{
    public async Task<IResult> HandleAsync(string id, int? wait, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxWait;
        if (wait is < 0 || wait > max.TotalSeconds)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["wait"] = [$"wait is 0 to {max.TotalSeconds:0} seconds."] },
                title: "The query is invalid");
        }

        var document = await waiter.GetAsync(id, TimeSpan.FromSeconds(wait ?? 0), cancellationToken);
        return document is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such build", detail: $"No build '{id}' was accepted or recorded.")
            : TypedResults.Ok(document with { Links = document.Links with { Preview = previews.Link(id) } });
    }
}
