using Workers.Infra.Render;
using Workers.Infra.Tests.Checks;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Rules;

// Base of the Worker Service manifest rules: runs on manifests that parsed, and reads a field as an environment
// sees it (its `environments.<env>` override, else the top level), which is how Copilot merges them.
public abstract class ManifestRule : IRule
{
    public abstract string Name { get; }

    public bool AppliesTo(string path) => FileKinds.IsServiceManifest(path);

    public IEnumerable<Violation> Check(CheckedFile file)
    {
        if (file.ParseError is { } error)
        {
            return [file.Violation(Name, error)];
        }

        return file.Yaml is YamlMappingNode root ? Check(file, root) : [file.Violation(Name, "a manifest is a YAML mapping.")];
    }

    protected abstract IEnumerable<Violation> Check(CheckedFile file, YamlMappingNode manifest);

    protected static YamlNode? Effective(YamlMappingNode manifest, DeployEnvironment environment, params string[] path) =>
        manifest.At(["environments", environment.Name, .. path]) ?? manifest.At(path);

    // copilot/worker-product/manifest.yml → product
    protected static string WorkerOf(CheckedFile file) =>
        file.Path.Split('/')[1] is var service && service.StartsWith("worker-", StringComparison.Ordinal) ? service["worker-".Length..] : service;
}
