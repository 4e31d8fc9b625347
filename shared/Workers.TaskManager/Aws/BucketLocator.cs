using Microsoft.Extensions.Options;
using Workers.Fleet;
using Workers.TaskManager.Options;

namespace Workers.TaskManager.Aws;

/// <summary>The fleet's bucket for claim checks and artifacts: <c>Fleet:Bucket</c>, else the fleet's bucket pattern.</summary>
public sealed class BucketLocator(IOptions<FleetOptions> options, FleetDeclaration fleet)
{
    /// <summary>The bucket name.</summary>
    public string Name => options.Value.Bucket ?? fleet.BucketName(options.Value.Environment);
}
