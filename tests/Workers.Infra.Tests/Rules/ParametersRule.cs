using Workers.Infra.Tests.Checks;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Rules;

// Parameters have a Type; Copilot passes App, Env and Name to a service addon and App and Env to an environment
// addon, and refuses an addon that does not declare them
// (https://aws.github.io/copilot-cli/docs/developing/addons/workload/). A plain template takes Env, restricted
// to the environments copilot/ declares.
public sealed class ParametersRule : TemplateRule
{
    public override string Name => "cfn-parameters";

    protected override IEnumerable<Violation> Check(CheckedFile file, YamlMappingNode template)
    {
        var parameters = template.Get("Parameters").Entries().ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        foreach (var (name, parameter) in parameters)
        {
            if (parameter.Get("Type").Scalar() is not { Length: > 0 })
            {
                yield return file.Violation(Name, $"parameter {name} has no Type.");
            }
        }

        string[] required = file.Path.StartsWith("copilot/environments/", StringComparison.Ordinal) ? ["App", "Env"]
            : FileKinds.IsCopilotAddon(file.Path) ? ["App", "Env", "Name"]
            : ["Env"];
        foreach (var name in required.Where(n => !parameters.ContainsKey(n)))
        {
            yield return file.Violation(Name, $"parameter {name} must be declared ({string.Join(", ", required)} are passed in by {(FileKinds.IsCopilotAddon(file.Path) ? "Copilot" : "infra/cloudformation/deploy.sh")}).");
        }

        if (!FileKinds.IsCopilotAddon(file.Path) && parameters.GetValueOrDefault("Env") is { } env
            && !env.Get("AllowedValues").Items().Select(i => i.Scalar()).Order().SequenceEqual(["production", "staging"]))
        {
            yield return file.Violation(Name, "parameter Env must allow exactly the environments copilot/ declares: staging, production.");
        }
    }
}
