using Workers.Infra.Render;
using Workers.Infra.Tests.Checks;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Rules;

// logging.retention per environment is a value CloudWatch Logs accepts
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html) and the
// environment's: 7 days in staging, 30 in production.
public sealed class LogRetentionRule : ManifestRule
{
    private static readonly int[] Accepted = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public override string Name => "log-retention";

    protected override IEnumerable<Violation> Check(CheckedFile file, YamlMappingNode manifest)
    {
        foreach (var environment in DeployEnvironment.All)
        {
            var days = Effective(manifest, environment, "logging", "retention").Int();
            if (days is null || !Accepted.Contains(days.Value))
            {
                yield return file.Violation(Name, $"{environment.Name}: logging.retention '{days}' is not a CloudWatch Logs retention ({string.Join(", ", Accepted)}).");
            }
            else if (days != environment.LogRetentionDays)
            {
                yield return file.Violation(Name, $"{environment.Name}: logging.retention is {days} days; {environment.Name} keeps logs {environment.LogRetentionDays} days.");
            }
        }
    }
}
