using Workers.Fleet;
using Workers.Infra.Render.Shared;

namespace Workers.Infra.Render.Copilot;

// copilot/: the application, its environments (with the bucket as an environment addon), and per worker a
// Worker Service manifest, an addon (policy, alarms, topic) and a YAML patch that names the queues as the fleet does;
// per declared service a Load Balanced Web Service manifest and its addon.
internal static class CopilotFiles
{
    public static IEnumerable<RenderedFile> Render(FleetDeclaration fleet, IReadOnlyList<FleetWorker> ordered)
    {
        yield return new("copilot/.workspace", $"application: {fleet.Application}\n");
        foreach (var environment in DeployEnvironment.All)
        {
            yield return new($"copilot/environments/{environment.Name}/manifest.yml", $"""
                {Yaml.Header}
                # The {environment.Name} environment. Container Insights feeds the running-task alarms.
                name: {environment.Name}
                type: Environment

                observability:
                  container_insights: true

                """);
        }

        yield return new("copilot/environments/addons/artifacts-bucket.yml", $$"""
            {{Yaml.Header}}
            # The fleet's bucket for claim checks and bundles, one per environment.
            Parameters:
              App:
                Type: String
              Env:
                Type: String

            Resources:
            {{Bucket.Resource(fleet, "${Env}")}}

            Outputs:
              ArtifactsBucketName:
                Value: !Ref ArtifactsBucket

            """);

        foreach (var worker in ordered)
        {
            var service = WorkerNaming.ServiceName(worker);
            yield return new($"copilot/{service}/manifest.yml", WorkerManifest.Render(worker));
            yield return new($"copilot/{service}/addons/worker.yml", WorkerAddon.Render(worker));
            yield return new($"copilot/{service}/overrides/cfn.patches.yml", WorkerOverrides.Render(worker));
        }

        // The services after the workers: their task role may send to every worker's queue.
        foreach (var service in fleet.Services.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var name = ServiceNaming.ServiceName(service);
            yield return new($"copilot/{name}/manifest.yml", WebServiceManifest.Render(fleet, service));
            yield return new($"copilot/{name}/addons/{WebServiceAddon.FileName}", WebServiceAddon.Render(fleet, service));
            yield return new($"copilot/{name}/addons/addons.parameters.yml", WebServiceAddon.Parameters());
        }

        yield return new("copilot/deploy.sh", DeployScripts.Copilot(fleet, ordered));
    }
}
