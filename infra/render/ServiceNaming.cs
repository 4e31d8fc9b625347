using System.Globalization;
using Workers.Fleet;

namespace Workers.Infra.Render;

/// <summary>
/// The names a declared service (the HTTP entry point) gets outside fleet.json. Its Copilot service is named as
/// the fleet names it (<c>api</c>, not <c>worker-api</c>): it is not a queue worker, and the name is the
/// host's path prefix nowhere, so nothing else depends on it.
/// </summary>
public static class ServiceNaming
{
    /// <summary>The Copilot service (and ECS service) name: <c>api</c>.</summary>
    public static string ServiceName(FleetService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.Name;
    }

    /// <summary>The project and assembly name under <c>workers/&lt;name&gt;/</c>: <c>Workers.Api</c>.</summary>
    public static string ProjectName(FleetService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var parts = service.Name.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => char.ToUpper(p[0], CultureInfo.InvariantCulture) + p[1..]);
        return "Workers." + string.Concat(parts);
    }

    /// <summary>Where the published service lives in its image.</summary>
    public static string ImageDll(FleetService service) => $"/app/{ProjectName(service)}.dll";

    /// <summary>Its plain CloudFormation template: <c>infra/cloudformation/service-api.yml</c>.</summary>
    public static string TemplateFile(FleetService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return $"service-{service.Name}.yml";
    }
}
