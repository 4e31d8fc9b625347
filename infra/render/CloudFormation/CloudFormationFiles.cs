using Workers.Fleet;
using Workers.Infra.Render.Shared;

namespace Workers.Infra.Render.CloudFormation;

// infra/cloudformation/: the same queues, bucket, policies and alarms as copilot/, as plain templates
// parameterised by environment, for deploying without Copilot.
internal static class CloudFormationFiles
{
    public static IEnumerable<RenderedFile> Render(FleetDeclaration fleet, IReadOnlyList<FleetWorker> ordered)
    {
        yield return new("infra/cloudformation/environment.yml", $$"""
            {{Yaml.Header}}
            AWSTemplateFormatVersion: '2010-09-09'
            Description: {{Yaml.Quote($"{fleet.Application}: the bucket for claim checks and bundles in one environment")}}

            Parameters:
            {{Yaml.Indent(EnvParameter(), 2)}}

            Resources:
            {{Bucket.Resource(fleet, "${Env}")}}

            Outputs:
              ArtifactsBucketName:
                Value: !Ref ArtifactsBucket

            """);
        foreach (var worker in ordered)
        {
            yield return new($"infra/cloudformation/worker-{worker.Name}.yml", WorkerTemplate.Render(worker));
        }

        foreach (var service in fleet.Services.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            yield return new($"infra/cloudformation/{ServiceNaming.TemplateFile(service)}", WebServiceTemplate.Render(fleet, service));
        }

        yield return new("infra/cloudformation/deploy.sh", DeployScripts.CloudFormation(fleet, ordered));
    }

    public static string EnvParameter() => $"""
        Env:
          Type: String
          Description: The environment, substituted into every queue, bucket, topic and alarm name.
          AllowedValues: [{string.Join(", ", DeployEnvironment.All.Select(e => e.Name))}]
        """;
}
