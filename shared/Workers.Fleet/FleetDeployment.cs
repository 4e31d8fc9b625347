namespace Workers.Fleet;

/// <summary>How a worker runs in AWS: its Fargate task size and how many tasks production runs.</summary>
/// <param name="Cpu">Fargate CPU units (256 = 0.25 vCPU).</param>
/// <param name="Memory">Fargate memory in MiB; must be a size Fargate offers for <paramref name="Cpu"/>.</param>
/// <param name="Reason">Why the worker needs more than the fleet's default size; null when it does not.</param>
/// <param name="MinTasks">Fewest production tasks; the running-task alarm fires below it.</param>
/// <param name="MaxTasks">Most production tasks queue-delay scaling may start.</param>
/// <param name="HandWrittenDockerfile">Why the image's Dockerfile is written by hand; null when it is rendered.</param>
public sealed record FleetDeployment(int Cpu, int Memory, string? Reason, int MinTasks, int MaxTasks, string? HandWrittenDockerfile = null)
{
    /// <summary>
    /// Environment variables the container gets from Secrets Manager, by variable name, each naming a secret of
    /// the environment (<c>{application}/{environment}/&lt;name&gt;</c>); DB_SECRET is every worker's already.
    /// </summary>
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    internal const int DefaultCpu = 256;
    internal const int DefaultMemory = 512;
    internal const int DefaultMinTasks = 1;
    internal const int DefaultMaxTasks = 3;
}
