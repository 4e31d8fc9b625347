using Workers.Fleet;
using Workers.Infra.Render;
using Workers.Infra.Tests.Checks;

namespace Workers.Infra.Tests.Rules;

// Every declared worker has exactly one of each deployment file, and nothing exists for a worker the fleet does
// not declare. A worker added to shared/fleet.json fails here until its project, Dockerfile and rendered files
// exist; files left behind by a removed worker fail too.
public static class WorkerFilesRule
{
    public const string Name = "worker-files";

    public static IEnumerable<Violation> Check(string repositoryRoot, FleetDeclaration fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        foreach (var worker in fleet.Workers.Values.OrderBy(w => w.Name, StringComparer.Ordinal))
        {
            var service = WorkerNaming.ServiceName(worker);
            string[] required =
            [
                $"workers/{worker.Name}/{WorkerNaming.ProjectName(worker)}.csproj",
                $"workers/{worker.Name}/Dockerfile",
                $"copilot/{service}/manifest.yml",
                $"copilot/{service}/addons/worker.yml",
                $"copilot/{service}/overrides/cfn.patches.yml",
                $"infra/cloudformation/worker-{worker.Name}.yml",
            ];
            foreach (var path in required.Where(p => !File.Exists(Path.Combine(repositoryRoot, p))))
            {
                yield return new(path, Name, $"worker '{worker.Name}' is declared in shared/fleet.json but this file is missing{Hint(path)}.");
            }

            var addons = Path.Combine(repositoryRoot, "copilot", service, "addons");
            var templates = Directory.Exists(addons) ? Directory.GetFiles(addons, "*.yml").Length : 0;
            if (templates > 1)
            {
                yield return new($"copilot/{service}/addons", Name, $"{templates} addon templates; one carries the worker's policy and alarm set.");
            }
        }

        // A declared service (the HTTP entry point) has its project and image under workers/<name>/ like a worker,
        // its Load Balanced Web Service with one addon, and its plain template.
        foreach (var service in fleet.Services.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            string[] required =
            [
                $"workers/{service.Name}/{ServiceNaming.ProjectName(service)}.csproj",
                $"workers/{service.Name}/Dockerfile",
                $"copilot/{ServiceNaming.ServiceName(service)}/manifest.yml",
                $"copilot/{ServiceNaming.ServiceName(service)}/addons/service.yml",
                $"infra/cloudformation/{ServiceNaming.TemplateFile(service)}",
            ];
            foreach (var path in required.Where(p => !File.Exists(Path.Combine(repositoryRoot, p))))
            {
                yield return new(path, Name, $"service '{service.Name}' is declared in shared/fleet.json but this file is missing{Hint(path)}.");
            }
        }

        var declared = fleet.Workers.Keys.Concat(fleet.Services.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var stray in Candidates(repositoryRoot).Where(c => !declared.Contains(c.Worker)))
        {
            yield return new(stray.Path, Name, $"belongs to worker '{stray.Worker}', which shared/fleet.json does not declare; declare it or remove the file.");
        }
    }

    private static string Hint(string path) =>
        path.StartsWith("workers/", StringComparison.Ordinal)
            ? " (the worker's code and image come with the worker)"
            : $" (run `{FleetRenderer.Command}`)";

    // Files that name a worker: its project and Dockerfile, its Copilot service folder, its plain template.
    private static IEnumerable<(string Path, string Worker)> Candidates(string root)
    {
        var workers = Path.Combine(root, "workers");
        foreach (var folder in Directory.Exists(workers) ? Directory.GetDirectories(workers) : [])
        {
            var name = Path.GetFileName(folder);
            foreach (var file in Directory.GetFiles(folder, "*.csproj").Concat(Directory.GetFiles(folder, "Dockerfile")))
            {
                yield return ($"workers/{name}/{Path.GetFileName(file)}", name);
            }
        }

        var copilot = Path.Combine(root, "copilot");
        foreach (var folder in Directory.Exists(copilot) ? Directory.GetDirectories(copilot, "worker-*") : [])
        {
            yield return ($"copilot/{Path.GetFileName(folder)}", Path.GetFileName(folder)["worker-".Length..]);
        }

        foreach (var folder in Directory.Exists(copilot) ? Directory.GetDirectories(copilot) : [])
        {
            var name = Path.GetFileName(folder);
            if (!name.StartsWith("worker-", StringComparison.Ordinal) && name != "environments")
            {
                yield return ($"copilot/{name}", name);
            }
        }

        var plain = Path.Combine(root, "infra", "cloudformation");
        foreach (var file in Directory.Exists(plain) ? Directory.GetFiles(plain, "worker-*.yml") : [])
        {
            yield return ($"infra/cloudformation/{Path.GetFileName(file)}", Path.GetFileNameWithoutExtension(file)["worker-".Length..]);
        }

        foreach (var file in Directory.Exists(plain) ? Directory.GetFiles(plain, "service-*.yml") : [])
        {
            yield return ($"infra/cloudformation/{Path.GetFileName(file)}", Path.GetFileNameWithoutExtension(file)["service-".Length..]);
        }
    }
}
