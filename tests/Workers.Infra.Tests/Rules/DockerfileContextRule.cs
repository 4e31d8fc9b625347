using System.Xml.Linq;
using Workers.Infra.Tests.Checks;

namespace Workers.Infra.Tests.Rules;

// With no Docker engine here, the build is checked against the repository: every COPY source exists (the
// context is the repository root), and every project the worker references, directly or not, is copied in
// before restore, so `dotnet restore` in the image sees the same graph as here.
public sealed class DockerfileContextRule(string repositoryRoot) : IRule
{
    public string Name => "dockerfile-context";

    public bool AppliesTo(string path) => FileKinds.IsDockerfile(path);

    public IEnumerable<Violation> Check(CheckedFile file)
    {
        var copies = Dockerfile.Stages(file.Text).SelectMany(s => s).Where(i => i.Keyword is "COPY" or "ADD")
            .Where(i => !i.Arguments.StartsWith("--from", StringComparison.Ordinal)).ToList();
        var sources = new List<string>();
        foreach (var copy in copies)
        {
            var parts = copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("--", StringComparison.Ordinal)).ToList();
            foreach (var source in parts.SkipLast(1))
            {
                var path = Path.Combine(repositoryRoot, source);
                if (!source.Contains('*', StringComparison.Ordinal) && !File.Exists(path) && !Directory.Exists(path))
                {
                    yield return file.Violation(Name, $"line {copy.Line}: COPY source '{source}' does not exist in the build context (the repository root).");
                }

                sources.Add(source.TrimEnd('/'));
            }
        }

        var folder = Path.GetDirectoryName(file.Path)!;
        var project = Directory.EnumerateFiles(Path.Combine(repositoryRoot, folder), "*.csproj").FirstOrDefault();
        if (project is null)
        {
            yield break; // worker-files reports a worker without a project
        }

        // The project's whole folder, not just its .csproj (copied early for the restore layer), must go in.
        foreach (var referenced in ProjectGraph(project).Select(p => Path.GetRelativePath(repositoryRoot, Path.GetDirectoryName(p)!).Replace('\\', '/')))
        {
            if (!sources.Any(s => referenced == s || referenced.StartsWith(s + "/", StringComparison.Ordinal)))
            {
                yield return file.Violation(Name, $"project folder {referenced}/ (the worker builds from it) is never copied into the build stage.");
            }
        }
    }

    private static IEnumerable<string> ProjectGraph(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(current).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, include)));
            }
        }

        return seen;
    }
}
