namespace Workers.Build.Pool;

// Where the build server lives: the folder the children run in (package.json, node_modules) and the script.
internal sealed record NodeServerLocation(string WorkDirectory, string ScriptPath)
{
    public static NodeServerLocation Resolve(PoolOptions options) =>
        TryResolve(options, out var location, out var problem) ? location : throw new InvalidOperationException(problem);

    public static bool TryResolve(PoolOptions options, out NodeServerLocation location, out string problem)
    {
        var candidates = options.WorkDirectory is { Length: > 0 } configured
            ? [Path.GetFullPath(configured, AppContext.BaseDirectory)]
            : DefaultCandidates().ToArray();
        foreach (var directory in candidates)
        {
            var script = Path.Combine(directory, options.Script);
            if (File.Exists(script) && (!options.RequireNodeModules || Directory.Exists(Path.Combine(directory, "node_modules"))))
            {
                location = new NodeServerLocation(directory, script);
                problem = "";
                return true;
            }
        }

        location = null!;
        var first = candidates[0];
        problem = !File.Exists(Path.Combine(first, options.Script))
            ? $"BuildPool: the build script {Path.Combine(first, options.Script)} does not exist (looked in {string.Join(", ", candidates)}); set BuildPool:WorkDirectory to the folder holding {options.Script}."
            : $"BuildPool: {first} has no node_modules: run `bash workers/build/node/install.sh` (locally) or `npm ci` in that folder (the image), or set BuildPool:WorkDirectory.";
        return false;
    }

    // node/ beside the assembly (publish output and the image, where `npm ci` ran), then the repository's
    // workers/build/node for a local `dotnet build`, whose output gets the script but not node_modules: copying
    // them into bin/ on every build would cost more than the build.
    private static IEnumerable<string> DefaultCandidates()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "node");
        yield return beside;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var source = Path.Combine(directory.FullName, "workers", "build", "node");
            if (File.Exists(Path.Combine(directory.FullName, "Workers.sln")) && Directory.Exists(source))
            {
                yield return source;
                yield break;
            }
        }
    }
}
