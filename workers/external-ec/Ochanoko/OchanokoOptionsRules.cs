using Microsoft.Extensions.Options;

namespace Workers.ExternalEc.Ochanoko;

// The rules the annotations cannot state, every error reported at once: an absolute http(s) endpoint and a
// ShopTokens setting that parses as a JSON object of non-empty strings.
internal sealed class OchanokoOptionsRules : IValidateOptions<OchanokoOptions>
{
    public ValidateOptionsResult Validate(string? name, OchanokoOptions options)
    {
        var errors = new List<string>();
        if (options.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https")))
        {
            errors.Add($"ExternalEc:Ochanoko:Endpoint must be an absolute http(s) address, not '{endpoint}'.");
        }

        if (!OchanokoShops.TryParse(options.ShopTokens, out _, out var problem))
        {
            errors.Add($"ExternalEc:Ochanoko:ShopTokens (env ExternalEc__Ochanoko__ShopTokens): {problem}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
