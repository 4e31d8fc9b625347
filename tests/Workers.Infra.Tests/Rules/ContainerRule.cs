using Workers.Infra.Tests.Checks;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Rules;

// The container: built from the worker's Dockerfile with the repository as context, the database secret
// injected from Secrets Manager, and an ECS health check that runs the worker's `healthcheck` within ECS's limits
// (interval 5–300 s, timeout 2–60 s, retries 1–10, start period 0–300 s), and a stop timeout that leaves the
// TaskManager's 20 s drain time before SIGKILL (Fargate allows 2–120 s; ECS's default of 30 s is too close).
public sealed class ContainerRule : ManifestRule
{
    public override string Name => "copilot-container";

    protected override IEnumerable<Violation> Check(CheckedFile file, YamlMappingNode manifest)
    {
        var worker = WorkerOf(file);
        if (manifest.At("image", "build", "dockerfile").Scalar() != $"workers/{worker}/Dockerfile" || manifest.At("image", "build", "context").Scalar() != ".")
        {
            yield return file.Violation(Name, $"image.build must be dockerfile workers/{worker}/Dockerfile with context '.' (the image needs shared/).");
        }

        if (manifest.At("secrets", "DB_SECRET", "secretsmanager").Scalar() is not { Length: > 0 })
        {
            yield return file.Violation(Name, "secrets.DB_SECRET.secretsmanager must name the database secret (the worker reads DB_SECRET).");
        }

        var check = manifest.At("image", "healthcheck");
        var command = check.Get("command").Items().Select(i => i.Scalar()).ToList();
        if (command is not ["CMD", "dotnet", var dll, "healthcheck"] || !dll!.EndsWith(".dll", StringComparison.Ordinal))
        {
            yield return file.Violation(Name, $"image.healthcheck.command must be [\"CMD\", \"dotnet\", \"/app/<Project>.dll\", \"healthcheck\"] (found [{string.Join(", ", command)}]).");
        }

        foreach (var (field, min, max) in new[] { ("interval", 5, 300), ("timeout", 2, 60), ("start_period", 0, 300) })
        {
            if (CopilotDuration.Parse(check.Get(field).Scalar()) is not { } value || value.TotalSeconds < min || value.TotalSeconds > max)
            {
                yield return file.Violation(Name, $"image.healthcheck.{field} '{check.Get(field).Scalar()}' must be a duration of {min}–{max} s.");
            }
        }

        if (check.Get("retries").Int() is not (>= 1 and <= 10))
        {
            yield return file.Violation(Name, "image.healthcheck.retries must be 1–10.");
        }

        var stop = manifest.Get("taskdef_overrides").Items()
            .FirstOrDefault(o => o.Get("path").Scalar() == "ContainerDefinitions[0].StopTimeout")?.Get("value").Int();
        if (stop is not (>= 45 and <= 120))
        {
            yield return file.Violation(Name, $"taskdef_overrides must set ContainerDefinitions[0].StopTimeout to 45–120 s (found {stop?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}): the TaskManager drains for up to 20 s and the worker's own services stop after it; Fargate allows at most 120 s.");
        }
    }
}
