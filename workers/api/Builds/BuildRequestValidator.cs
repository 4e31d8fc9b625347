using System.Text;
using Microsoft.Extensions.Options;
using Workers.Api.Options;

namespace Workers.Api.Builds;

// Every problem of a build request at once, keyed by the JSON path of the member (RFC 7807 "errors").
internal sealed class BuildRequestValidator(IOptions<ApiOptions> options)
{
    public Dictionary<string, string[]> Validate(BuildRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Source))
        {
            errors["source"] = ["The component's source is required."];
        }
        else if (Encoding.UTF8.GetByteCount(request.Source) is var bytes && bytes > options.Value.MaxSourceBytes)
        {
            errors["source"] = [$"The source is {bytes:N0} bytes; at most {options.Value.MaxSourceBytes:N0} are accepted."];
        }

        if (request.Options is { } o)
        {
            if (o.Engine is { } engine && !BuildRequestOptions.Engines.Contains(engine))
            {
                errors["options.engine"] = [$"Unknown engine '{engine}'; one of {string.Join(", ", BuildRequestOptions.Engines)}."];
            }

            if (o.Dependencies is { } dependencies && dependencies.Any(string.IsNullOrWhiteSpace))
            {
                errors["options.dependencies"] = ["Dependencies are package names; an empty name is not one."];
            }

            if (o.ViteConfig is { } vite && vite.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                errors["options.viteConfig"] = ["viteConfig is an object."];
            }
            else if (o.ViteConfig is not null && o.Engine != "vite")
            {
                errors["options.viteConfig"] = ["viteConfig is only valid with engine \"vite\"."];
            }
        }

        return errors;
    }
}
