using Workers.Fleet;
using Workers.Infra.Render.CloudFormation;
using Workers.Infra.Render.Copilot;
using Workers.Infra.Render.Docker;
using Workers.Infra.Render.Shared;

namespace Workers.Infra.Render;

/// <summary>
/// Renders every deployment file from the fleet declaration: <c>copilot/</c> (application, environments, one
/// Worker Service with addon and overrides per worker, deploy script), <c>infra/cloudformation/</c> (the same
/// queues, bucket, policies and alarms as plain templates) and each worker's and service's
/// <c>workers/&lt;name&gt;/Dockerfile</c> unless the fleet says it is hand-written. The rendered files are
/// committed; tests fail when they drift from what this renders.
/// </summary>
public static class FleetRenderer
{
    /// <summary>The command that regenerates the files, for messages.</summary>
    public const string Command = "dotnet run --project infra/cli -- infra render";

    /// <summary>Folders whose files the generator owns, apart from <see cref="HandWritten"/>.</summary>
    public static IReadOnlyList<string> OwnedFolders { get; } = ["copilot", "infra/cloudformation"];

    /// <summary>Files in <see cref="OwnedFolders"/> written by people.</summary>
    public static IReadOnlyList<string> HandWritten { get; } = ["copilot/README.md", "infra/cloudformation/README.md"];

    /// <summary>
    /// Every generated file, with '/'-separated paths from the repository root. The Dockerfiles list the project
    /// files each image restores, read from the projects under <paramref name="repositoryRoot"/>.
    /// </summary>
    public static IReadOnlyList<RenderedFile> Render(FleetDeclaration fleet, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var ordered = DeployOrder.Of(fleet);
        return [.. CopilotFiles.Render(fleet, ordered), .. CloudFormationFiles.Render(fleet, ordered), .. Dockerfiles.Render(fleet, repositoryRoot)];
    }

    /// <summary>Reads <c>shared/fleet.json</c> under <paramref name="repositoryRoot"/>.</summary>
    public static FleetDeclaration ReadFleet(string repositoryRoot) =>
        FleetDeclaration.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "shared", "fleet.json")));
}
