using System.Diagnostics;
using Workers.Fleet;
using Workers.Infra.Render;
using Workers.Testing;

namespace Workers.Infra.Tests.Publishing;

// A worker as `dotnet publish` lays it out, the way its image's build stage does, in a temporary folder. Built
// with its own artifacts path so it never touches the bin/ and obj/ folders other test projects run from.
public sealed class PublishedWorker : IDisposable
{
    private readonly string _root;

    private PublishedWorker(string root, string dll)
    {
        _root = root;
        Dll = dll;
    }

    public string Dll { get; }

    // node/ beside the published assembly, for a worker with a Node side.
    public string NodeDirectory => Path.Combine(Path.GetDirectoryName(Dll)!, "node");

    public static async Task<PublishedWorker> PublishAsync(FleetWorker worker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var project = Path.Combine(RepositoryRoot.Path, "workers", worker.Name, WorkerNaming.ProjectName(worker) + ".csproj");
        var root = Directory.CreateTempSubdirectory($"publish-{worker.Name}-").FullName;
        var output = Path.Combine(root, "app");
        await RunAsync("dotnet", ["publish", project, "-c", "Release", "--nologo", "--artifacts-path", Path.Combine(root, "artifacts"), "-o", output], null, cancellationToken);

        // A worker with a Node side (the build worker) publishes its script and lock file to node/, not its
        // packages: its image's node stage installs them from the lock file, and so does this.
        var node = Path.Combine(output, "node");
        if (File.Exists(Path.Combine(node, "package-lock.json")))
        {
            await RunAsync("npm", ["ci", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], node, cancellationToken);
        }

        return new PublishedWorker(root, Path.Combine(output, WorkerNaming.ProjectName(worker) + ".dll"));
    }

    private static async Task RunAsync(string file, string[] arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? "",
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
