using Workers.Fleet;
using Workers.Infra.Render;
using Workers.Infra.Tests.Checks;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Rules;

// cpu/memory per environment form a Fargate task size
// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size)
// and are the ones shared/fleet.json declares for the worker.
public sealed class TaskSizeRule(FleetDeclaration fleet) : ManifestRule
{
    private static readonly Dictionary<int, int[]> Sizes = new()
    {
        [256] = [512, 1024, 2048],
        [512] = [1024, 2048, 3072, 4096],
        [1024] = [.. Enumerable.Range(2, 7).Select(g => g * 1024)],
        [2048] = [.. Enumerable.Range(4, 13).Select(g => g * 1024)],
        [4096] = [.. Enumerable.Range(8, 23).Select(g => g * 1024)],
        [8192] = [.. Enumerable.Range(4, 12).Select(g => g * 4096)],
        [16384] = [.. Enumerable.Range(4, 12).Select(g => g * 8192)],
    };

    public override string Name => "fargate-task-size";

    protected override IEnumerable<Violation> Check(CheckedFile file, YamlMappingNode manifest)
    {
        var declared = DeploymentOf(file, fleet);
        foreach (var environment in DeployEnvironment.All)
        {
            var cpu = Effective(manifest, environment, "cpu").Int();
            var memory = Effective(manifest, environment, "memory").Int();
            if (cpu is null || memory is null || !Sizes.TryGetValue(cpu.Value, out var allowed) || !allowed.Contains(memory.Value))
            {
                yield return file.Violation(Name, $"{environment.Name}: cpu {cpu?.ToString() ?? "(none)"} with memory {memory?.ToString() ?? "(none)"} is not a Fargate task size.");
            }
            else if (declared is not null && (cpu != declared.Cpu || memory != declared.Memory))
            {
                yield return file.Violation(Name, $"{environment.Name}: cpu {cpu} / memory {memory}; shared/fleet.json declares {declared.Cpu} / {declared.Memory}.");
            }
        }
    }
}
