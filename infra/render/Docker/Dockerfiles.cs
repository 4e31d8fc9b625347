using Workers.Fleet;

namespace Workers.Infra.Render.Docker;

// workers/<name>/Dockerfile for every declared worker and service whose deployment does not say its Dockerfile
// is hand-written: the same two stages for each (SDK restore + publish, then a chiseled runtime image), so a
// change to how images are built is made once, here.
internal static class Dockerfiles
{
    public static IEnumerable<RenderedFile> Render(FleetDeclaration fleet, string repositoryRoot)
    {
        foreach (var worker in fleet.Workers.Values.Where(w => w.Deployment.HandWrittenDockerfile is null).OrderBy(w => w.Name, StringComparer.Ordinal))
        {
            yield return new($"workers/{worker.Name}/Dockerfile", WorkerDockerfile.Render(worker, Projects(repositoryRoot, worker.Name, WorkerNaming.ProjectName(worker))));
        }

        foreach (var service in fleet.Services.Values.Where(s => s.Deployment.HandWrittenDockerfile is null).OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            yield return new($"workers/{service.Name}/Dockerfile", ServiceDockerfile.Render(service, Projects(repositoryRoot, service.Name, ServiceNaming.ProjectName(service))));
        }
    }

    private static IReadOnlyList<string> Projects(string repositoryRoot, string folder, string project) =>
        ProjectReferences.Closure(repositoryRoot, $"workers/{folder}/{project}.csproj");
}
