namespace Workers.Api.Builds;

// Where a build and its bundle are (paths relative to the API's origin).
internal sealed record BuildLinks(string Self, string? Bundle)
{
    public static BuildLinks For(string buildId, bool bundle)
    {
        var self = $"/api/builds/{Uri.EscapeDataString(buildId)}";
        return new BuildLinks(self, bundle ? $"{self}/bundle" : null);
    }
}
