using Workers.Fleet;
using Workers.Infra.Tests.Checks;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Rules;

// A Load Balanced Web Service manifest: the container port, the load balancer's health check path and Kestrel's
// port are the ones shared/fleet.json declares for the service, the health check's durations are within the
// ALB's limits (interval 5–300 s, timeout 2–120 s and shorter than the interval, thresholds 2–10), and requests
// in flight get at least the default long poll (30 s) to finish when a target is deregistered.
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html
public sealed class WebServiceRule(FleetDeclaration fleet) : ManifestRule
{
    public override string Name => "copilot-web-service";

    public override bool AppliesTo(string path) => FileKinds.IsServiceManifest(path) && !FileKinds.IsWorkerManifest(path);

    protected override IEnumerable<Violation> Check(CheckedFile file, YamlMappingNode manifest)
    {
        var port = manifest.At("image", "port").Int();
        var check = manifest.At("http", "healthcheck");
        var path = check is YamlScalarNode ? check.Scalar() : check.Get("path").Scalar();
        if (manifest.At("http", "path").Scalar() is not { Length: > 0 })
        {
            yield return file.Violation(Name, "http.path is missing: the load balancer forwards nothing to the service.");
        }

        if (fleet.Services.TryGetValue(WorkerOf(file), out var service))
        {
            if (port != service.Port)
            {
                yield return file.Violation(Name, $"image.port is {port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}; shared/fleet.json says {service.Port}.");
            }

            if (path != service.HealthPath)
            {
                yield return file.Violation(Name, $"http.healthcheck.path is '{path}'; shared/fleet.json says '{service.HealthPath}'.");
            }

            if (manifest.At("variables", "ASPNETCORE_HTTP_PORTS").Int() != service.Port)
            {
                yield return file.Violation(Name, $"variables.ASPNETCORE_HTTP_PORTS must be {service.Port}: Kestrel listens where the load balancer forwards.");
            }
        }

        var interval = CopilotDuration.Parse(check.Get("interval").Scalar());
        var timeout = CopilotDuration.Parse(check.Get("timeout").Scalar());
        if (interval is not { TotalSeconds: >= 5 and <= 300 } || timeout is not { TotalSeconds: >= 2 and <= 120 } || timeout >= interval)
        {
            yield return file.Violation(Name, $"http.healthcheck interval '{check.Get("interval").Scalar()}' (5–300 s) and timeout '{check.Get("timeout").Scalar()}' (2–120 s, shorter than the interval) are outside the ALB's limits.");
        }

        foreach (var field in new[] { "healthy_threshold", "unhealthy_threshold" })
        {
            if (check.Get(field).Int() is not (>= 2 and <= 10))
            {
                yield return file.Violation(Name, $"http.healthcheck.{field} must be 2–10.");
            }
        }

        if (CopilotDuration.Parse(manifest.At("http", "deregistration_delay").Scalar()) is not { TotalSeconds: >= 30 and <= 3600 })
        {
            yield return file.Violation(Name, "http.deregistration_delay must be 30 s–1 h: a long poll (30 s by default) in flight finishes when a task is deregistered.");
        }
    }
}
