using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workers.Api;

// Reads a JSON request body strictly (unknown members are errors, so a misspelt option is not silently
// ignored) and turns what does not parse into a validation problem naming the member by its JSON path.
internal static class RequestBody
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body must be JSON (Content-Type: application/json)"));
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return body is null
                ? (null, Invalid("$", "The body is a JSON object, not null."))
                : (body, null);
        }
        catch (JsonException ex)
        {
            return (null, Invalid(Member(ex.Path), ex.Message));
        }
    }

    // "$.options.minify" → "options.minify", as the validators name members.
    private static string Member(string? path) =>
        path is null or "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static IResult Invalid(string member, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [member] = [message] }, title: "The request body is not valid JSON for this endpoint");
}
