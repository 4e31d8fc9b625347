using Workers.Fleet;
using Workers.Infra.Tests.Rules;

namespace Workers.Infra.Tests.Checks;

// Every rule, run over the deployment files of a repository (the real one, or a copy a test breaks on purpose).
public static class RuleSet
{
    public static IReadOnlyList<IRule> For(string repositoryRoot, FleetDeclaration fleet) =>
    [
        new TemplateShapeRule(),
        new ResourceTypeRule(),
        new ReferencesRule(),
        new ParametersRule(),
        new AlarmMetricRule(),
        new AlarmSetRule(fleet),
        new QueueNameRule(repositoryRoot),
        new ManifestNameRule(),
        new WorkerQueueRule(fleet),
        new CountRule(fleet),
        new TaskSizeRule(fleet),
        new LogRetentionRule(),
        new ContainerRule(),
        new WebServiceRule(fleet),
        new ServiceAlarmSetRule(fleet),
        new DockerfileRuntimeRule(repositoryRoot),
        new DockerfileContextRule(repositoryRoot),
    ];

    public static IReadOnlyList<Violation> Run(string repositoryRoot, FleetDeclaration fleet)
    {
        var rules = For(repositoryRoot, fleet);
        var files = DeploymentFiles(repositoryRoot).Select(path => CheckedFile.Read(repositoryRoot, path)).ToList();
        return
        [
            .. WorkerFilesRule.Check(repositoryRoot, fleet),
            .. files.SelectMany(file => rules.Where(r => r.AppliesTo(file.Path)).SelectMany(r => r.Check(file))),
        ];
    }

    public static IEnumerable<string> DeploymentFiles(string repositoryRoot) =>
        new[] { "copilot", "infra/cloudformation", "workers" }
            .Select(folder => Path.Combine(repositoryRoot, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(repositoryRoot, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/node_modules/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}
