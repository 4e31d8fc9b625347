namespace Workers.Infra.Render;

/// <summary>An AWS environment the fleet is deployed to, with what differs between them.</summary>
/// <param name="Name">The Copilot environment name, substituted for <c>{environment}</c> in the fleet's names.</param>
/// <param name="LogRetentionDays">CloudWatch Logs retention for the workers' log groups.</param>
/// <param name="Production">Production runs on-demand tasks scaled on queue delay; staging one Spot task.</param>
public sealed record DeployEnvironment(string Name, int LogRetentionDays, bool Production)
{
    /// <summary>Staging, then production: the order a change is deployed in.</summary>
    public static IReadOnlyList<DeployEnvironment> All { get; } =
    [
        new("staging", 7, Production: false),
        new("production", 30, Production: true),
    ];
}
