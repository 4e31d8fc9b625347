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

    public static async Task<PublishedWorker> PublishAsync(FleetWorker worker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var project = Path.Combine(RepositoryRoot.Path, "workers", worker.Name, WorkerNaming.ProjectName(worker) + ".csproj");
        var root = Directory.CreateTempSubdirectory($"publish-{worker.Name}-").FullName;
        var output = Path.Combine(root, "app");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "--nologo", "--artifacts-path", Path.Combine(root, "artifacts"), "-o", output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {project} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }

        return new PublishedWorker(root, Path.Combine(output, WorkerNaming.ProjectName(worker) + ".dll"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
