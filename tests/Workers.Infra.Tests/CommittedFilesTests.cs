using Workers.Infra.Render;
using Workers.Infra.Tests.Checks;
using Workers.Testing;

namespace Workers.Infra.Tests;

// The committed deployment files against the rules Copilot, CloudFormation and Docker would apply, and against
// the fleet declaration they are rendered from.
public sealed class CommittedFilesTests
{
    private static readonly string Root = RepositoryRoot.Path;

    [Fact]
    public void Committed_files_are_what_the_fleet_renders()
    {
        var differences = RenderedTree.Differences(Root, FleetRenderer.Render(FleetRenderer.ReadFleet(Root), Root));

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void Committed_files_break_no_rule()
    {
        var violations = RuleSet.Run(Root, FleetRenderer.ReadFleet(Root));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Every_rule_checks_at_least_one_committed_file()
    {
        // A rule whose path filter matches nothing passes vacuously; this keeps the filters honest.
        var files = RuleSet.DeploymentFiles(Root).ToList();
        var idle = RuleSet.For(Root, FleetRenderer.ReadFleet(Root)).Where(rule => !files.Any(rule.AppliesTo)).Select(r => r.Name);

        Assert.Empty(idle);
    }
}
