using System.Text.RegularExpressions;

namespace Workers.Infra.Tests.Rules;

// Which committed files are which kind, by path.
public static partial class FileKinds
{
    public static bool IsServiceManifest(string path) => ServiceManifest().IsMatch(path);

    // copilot/worker-<name>/manifest.yml: a Worker Service; the other service manifests are web services.
    public static bool IsWorkerManifest(string path) => IsServiceManifest(path) && path.StartsWith("copilot/worker-", StringComparison.Ordinal);

    public static bool IsTemplate(string path) =>
        (Addon().IsMatch(path) && !path.EndsWith("/addons.parameters.yml", StringComparison.Ordinal)) || Plain().IsMatch(path);

    public static bool IsCopilotAddon(string path) => Addon().IsMatch(path);

    public static bool IsPatch(string path) => Patch().IsMatch(path);

    public static bool IsDockerfile(string path) => Dockerfile().IsMatch(path);

    [GeneratedRegex(@"^copilot/(?!environments/)[^/]+/manifest\.yml$")]
    private static partial Regex ServiceManifest();

    [GeneratedRegex(@"^copilot/[^/]+/addons/[^/]+\.ya?ml$")]
    private static partial Regex Addon();

    [GeneratedRegex(@"^infra/cloudformation/[^/]+\.ya?ml$")]
    private static partial Regex Plain();

    [GeneratedRegex(@"^copilot/[^/]+/overrides/cfn\.patches\.yml$")]
    private static partial Regex Patch();

    [GeneratedRegex(@"^workers/[^/]+/Dockerfile$")]
    private static partial Regex Dockerfile();
}
