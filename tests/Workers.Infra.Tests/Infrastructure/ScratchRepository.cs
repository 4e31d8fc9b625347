using System.Text.Json.Nodes;
using Workers.Fleet;
using Workers.Infra.Render;
using Workers.Testing;

namespace Workers.Infra.Tests.Infrastructure;

// A copy of what the deployment checks read (root build files, shared/, each declared worker's and service's folder without
// build outputs or node_modules, the rendered files) in a temporary folder, for tests that add or break files.
// Deleted on dispose.
public sealed class ScratchRepository : IDisposable
{
    private static readonly string[] RootFiles = ["global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig"];

    private ScratchRepository(string path) => Path = path;

    public string Path { get; }

    public FleetDeclaration Fleet => FleetRenderer.ReadFleet(Path);

    public static ScratchRepository Create()
    {
        var source = RepositoryRoot.Path;
        var scratch = new ScratchRepository(Directory.CreateTempSubdirectory("workers-infra-").FullName);
        foreach (var file in RootFiles)
        {
            File.Copy(System.IO.Path.Combine(source, file), System.IO.Path.Combine(scratch.Path, file));
        }

        CopyTree(System.IO.Path.Combine(source, "shared"), System.IO.Path.Combine(scratch.Path, "shared"));
        var fleet = FleetRenderer.ReadFleet(source);
        foreach (var worker in fleet.Workers.Keys.Concat(fleet.Services.Keys))
        {
            CopyTree(System.IO.Path.Combine(source, "workers", worker), System.IO.Path.Combine(scratch.Path, "workers", worker));
        }

        RenderedTree.Write(scratch.Path, FleetRenderer.Render(scratch.Fleet, scratch.Path));
        return scratch;
    }

    public void Write(string path, string content)
    {
        var full = System.IO.Path.Combine(Path, path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public string Read(string path) => File.ReadAllText(System.IO.Path.Combine(Path, path));

    // Adds a worker to shared/fleet.json, as the coordinator will for the build worker.
    public void Declare(string worker, JsonObject declaration) => EditFleet(workers => workers[worker] = declaration);

    // Changes the "workers" object of shared/fleet.json; the schedules of a worker it removes go with it.
    public void EditFleet(Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var fleet = JsonNode.Parse(Read("shared/fleet.json"))!;
        var workers = fleet["workers"]!.AsObject();
        edit(workers);
        if (fleet["schedules"] is JsonObject schedules)
        {
            foreach (var orphan in schedules.Where(s => !workers.ContainsKey(s.Value!["worker"]!.GetValue<string>())).Select(s => s.Key).ToList())
            {
                schedules.Remove(orphan);
            }
        }

        Write("shared/fleet.json", fleet.ToJsonString(new() { WriteIndented = true }));
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(from, file);
            if (relative.Split(System.IO.Path.DirectorySeparatorChar) is var parts && (parts.Contains("bin") || parts.Contains("obj") || parts.Contains("node_modules")))
            {
                continue;
            }

            var target = System.IO.Path.Combine(to, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
