using System.Text.RegularExpressions;
using Workers.Infra.Render;
using Workers.Infra.Tests.Checks;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Rules;

// The service is a Worker Service (a Load Balanced Web Service outside copilot/worker-*) named after its folder, with Copilot's naming rule (start with a letter;
// lower-case letters, digits and hyphens; no consecutive or trailing hyphen), overriding only declared environments.
public sealed partial class ManifestNameRule : ManifestRule
{
    public override string Name => "copilot-service-name";

    protected override IEnumerable<Violation> Check(CheckedFile file, YamlMappingNode manifest)
    {
        var folder = file.Path.Split('/')[1];
        var name = manifest.Get("name").Scalar();
        if (name != folder)
        {
            yield return file.Violation(Name, $"name '{name}' must be the folder's name, '{folder}'.");
        }

        if (name is null || !ServiceName().IsMatch(name) || name.Length > 40)
        {
            yield return file.Violation(Name, $"name '{name}' must start with a letter and use lower-case letters, digits and single hyphens, without a trailing hyphen (at most 40 characters).");
        }

        var expected = FileKinds.IsWorkerManifest(file.Path) ? "Worker Service" : Workers.Fleet.FleetService.LoadBalancedWebService;
        if (manifest.Get("type").Scalar() != expected)
        {
            yield return file.Violation(Name, $"type is '{manifest.Get("type").Scalar()}'; {(FileKinds.IsWorkerManifest(file.Path) ? "a worker" : "a declared service")} is a '{expected}'.");
        }

        var declared = DeployEnvironment.All.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (environment, _) in manifest.Get("environments").Entries().Where(e => !declared.Contains(e.Key)))
        {
            yield return file.Violation(Name, $"environments.{environment}: not an environment of copilot/environments ({string.Join(", ", declared)}).");
        }
    }

    [GeneratedRegex("^[a-z](?:[a-z0-9]|-(?=[a-z0-9]))*$")]
    private static partial Regex ServiceName();
}
