using System.Text.Json;
using Workers.Infra.Tests.Checks;

namespace Workers.Infra.Tests.Rules;

// The image a worker runs as: multi-stage (the SDK builds, a runtime image runs), a non-root USER, an exec-form
// ENTRYPOINT that starts the worker's own dll with dotnet (so dotnet is PID 1 and gets ECS's SIGTERM, and the
// TaskManager drains), and a health check running the worker's `healthcheck` (in the Dockerfile or its manifest).
public sealed class DockerfileRuntimeRule(string repositoryRoot) : IRule
{
    public string Name => "dockerfile-runtime";

    public bool AppliesTo(string path) => FileKinds.IsDockerfile(path);

    public IEnumerable<Violation> Check(CheckedFile file)
    {
        var stages = Dockerfile.Stages(file.Text);
        if (stages.Count < 2)
        {
            yield return file.Violation(Name, $"{stages.Count} stage(s); build with the SDK in one stage and run from a runtime image in another (multi-stage).");
            yield break;
        }

        var final = stages[^1];
        if (final[0].Arguments.Contains("/sdk:", StringComparison.Ordinal))
        {
            yield return file.Violation(Name, $"line {final[0].Line}: the final stage runs on the SDK image; use a runtime image.");
        }

        var user = final.LastOrDefault(i => i.Keyword == "USER")?.Arguments.Split(':')[0];
        if (user is null or "" or "root" or "0")
        {
            yield return file.Violation(Name, $"the final stage runs as {(user is null ? "root (no USER)" : user)}; set a non-root USER (the .NET images have app / $APP_UID).");
        }

        var project = Path.GetFileNameWithoutExtension(
            Directory.EnumerateFiles(Path.Combine(repositoryRoot, Path.GetDirectoryName(file.Path)!), "*.csproj").FirstOrDefault() ?? "(no project)");
        var entrypoint = Exec(final.LastOrDefault(i => i.Keyword == "ENTRYPOINT")?.Arguments);
        if (entrypoint is not ["dotnet", var dll, ..] || Path.GetFileName(dll) != project + ".dll")
        {
            yield return file.Violation(Name, $"ENTRYPOINT must be exec form [\"dotnet\", \"/app/{project}.dll\"]: shell form puts /bin/sh in front, and SIGTERM never reaches dotnet.");
        }

        var health = final.LastOrDefault(i => i.Keyword == "HEALTHCHECK");
        var probe = health is null ? null : Exec(health.Arguments[(health.Arguments.IndexOf("CMD", StringComparison.Ordinal) + 3)..].Trim());
        var manifest = Path.Combine(repositoryRoot, "copilot", "worker-" + file.Path.Split('/')[1], "manifest.yml");
        var manifestProbe = File.Exists(manifest) && File.ReadAllText(manifest).Contains($"{project}.dll\", \"healthcheck\"]", StringComparison.Ordinal);
        if (probe is not ["dotnet", _, "healthcheck"] && !manifestProbe)
        {
            yield return file.Violation(Name, $"no health check runs the worker's `healthcheck` (HEALTHCHECK CMD [\"dotnet\", \"/app/{project}.dll\", \"healthcheck\"] or image.healthcheck in its manifest).");
        }
    }

    // The JSON array of an exec-form instruction, or null for shell form.
    private static string?[]? Exec(string? arguments)
    {
        if (arguments is null || !arguments.StartsWith('['))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<string?[]>(arguments);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
