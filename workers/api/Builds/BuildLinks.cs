namespace Workers.Api.Builds;

// Where a build and its bundle are (paths relative to the API's origin), and its preview page with a
// short-lived token (Preview/PreviewTokens) that a browser can open without an API key.
internal sealed record BuildLinks(string Self, string? Bundle, string? Preview = null)
{
    public static BuildLinks For(string buildId, bool bundle)
    {
        var self = $"/api/builds/{Uri.EscapeDataString(buildId)}";
        return new BuildLinks(self, bundle ? $"{self}/bundle" : null);
    }
}
