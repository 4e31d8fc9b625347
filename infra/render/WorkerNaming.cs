using System.Globalization;
using Workers.Fleet;

namespace Workers.Infra.Render;

/// <summary>The names a worker gets outside fleet.json, derived from its fleet name by convention.</summary>
public static class WorkerNaming
{
    /// <summary>The Copilot service (and ECS service) name: <c>worker-product</c>.</summary>
    public static string ServiceName(FleetWorker worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        return $"worker-{worker.Name}";
    }

    /// <summary>The project and assembly name under <c>workers/&lt;name&gt;/</c>: <c>Workers.Product</c>.</summary>
    public static string ProjectName(FleetWorker worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var parts = worker.Name.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => char.ToUpper(p[0], CultureInfo.InvariantCulture) + p[1..]);
        return "Workers." + string.Concat(parts);
    }

    /// <summary>Where the published worker lives in its image.</summary>
    public static string ImageDll(FleetWorker worker) => $"/app/{ProjectName(worker)}.dll";

    /// <summary>A CloudFormation logical id for the worker: <c>Product</c>.</summary>
    public static string LogicalId(FleetWorker worker) => ProjectName(worker)["Workers.".Length..];
}
