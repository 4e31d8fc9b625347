using System.Xml.Linq;

namespace Workers.Infra.Render.Docker;

// The projects a worker's project needs to restore: its own and every project it references, transitively,
// as '/'-separated paths from the repository root. A Dockerfile copies these project files before the sources
// so that a change to the code alone reuses the restored-packages layer; listing them from the project files
// themselves keeps the image right when a worker starts referencing another shared library.
internal static class ProjectReferences
{
    public static IReadOnlyList<string> Closure(string repositoryRoot, string project)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            var full = Path.Combine(repositoryRoot, next);
            if (!found.Add(next) || !File.Exists(full))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(full)!;
            foreach (var reference in XDocument.Load(full).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")?.Value;
                if (!string.IsNullOrEmpty(include))
                {
                    var referenced = Path.GetFullPath(Path.Combine(folder, include.Replace('\\', Path.DirectorySeparatorChar)));
                    pending.Push(Path.GetRelativePath(repositoryRoot, referenced).Replace('\\', '/'));
                }
            }
        }

        // Shared libraries first, then the worker's own project, each group in name order.
        return [.. found.Where(p => p != project), project];
    }
}
