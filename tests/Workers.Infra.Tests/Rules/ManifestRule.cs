using Workers.Infra.Render;
using Workers.Infra.Tests.Checks;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Rules;

// Base of the Copilot service manifest rules (workers' and web services'): runs on manifests that parsed, and reads a field as an environment
// sees it (its `environments.<env>` override, else the top level), which is how Copilot merges them.
public abstract class ManifestRule : IRule
{
    public abstract string Name { get; }

    public virtual bool AppliesTo(string path) => FileKinds.IsServiceManifest(path);

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

    // The fleet's deployment block of the manifest's worker or service; null for one the fleet does not declare.
    protected static Workers.Fleet.FleetDeployment? DeploymentOf(CheckedFile file, Workers.Fleet.FleetDeclaration fleet) =>
        FileKinds.IsWorkerManifest(file.Path)
            ? fleet.Workers.GetValueOrDefault(WorkerOf(file))?.Deployment
            : fleet.Services.GetValueOrDefault(WorkerOf(file))?.Deployment;

    // copilot/worker-product/manifest.yml → product; copilot/api/manifest.yml → api
    protected static string WorkerOf(CheckedFile file) =>
        file.Path.Split('/')[1] is var service && service.StartsWith("worker-", StringComparison.Ordinal) ? service["worker-".Length..] : service;
}
