using System.Text.RegularExpressions;
using Workers.Fleet;
using Workers.Infra.Render;
using Workers.Infra.Tests.Checks;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Rules;

// count, per environment, by Copilot's rules: a number >= 0, or `spot` alone, or a `range` (n-m or min/max with
// min <= max) with scaling fields; queue_delay needs acceptable_latency and msg_processing_time, neither zero,
// processing no longer than latency. And the issue's shape: staging one Spot task, production the fleet's range
// scaled on queue delay (a web service: on CPU).
public sealed partial class CountRule(FleetDeclaration fleet) : ManifestRule
{
    public override string Name => "copilot-count";

    protected override IEnumerable<Violation> Check(CheckedFile file, YamlMappingNode manifest)
    {
        var declared = DeploymentOf(file, fleet);
        var scaledOn = FileKinds.IsWorkerManifest(file.Path) ? "queue_delay" : "cpu_percentage";
        foreach (var environment in DeployEnvironment.All)
        {
            var count = Effective(manifest, environment, "count");
            var problems = Shape(count).Concat(declared is null ? [] : Fleet(count, environment, declared, scaledOn));
            foreach (var problem in problems)
            {
                yield return file.Violation(Name, $"{environment.Name}: count {problem}");
            }
        }
    }

    private static IEnumerable<string> Shape(YamlNode? count)
    {
        if (count is null or YamlScalarNode)
        {
            if (count is not null && count.Int() is not >= 0)
            {
                yield return $"'{count.Scalar()}' must be a number >= 0.";
            }

            yield break;
        }

        var scaling = new[] { "cpu_percentage", "memory_percentage", "requests", "response_time", "queue_delay" }.Where(f => count.Get(f) is not null).ToList();
        if (count.Get("spot") is { } spot)
        {
            if (spot.Int() is not >= 0)
            {
                yield return $"spot '{spot.Scalar()}' must be a number >= 0.";
            }

            if (count.Get("range") is not null || scaling.Count > 0)
            {
                yield return "spot cannot be combined with range or scaling fields.";
            }

            yield break;
        }

        var (min, max) = Range(count.Get("range"));
        if (min is null || max is null || min < 0 || min > max)
        {
            yield return $"range must be 'min-max' or min/max with 0 <= min <= max (found '{count.Get("range")?.Scalar() ?? "a map"}').";
        }

        if (scaling.Count == 0)
        {
            yield return "range needs a scaling field (queue_delay for a worker).";
        }

        if (count.Get("queue_delay") is { } delay)
        {
            var latency = CopilotDuration.Parse(delay.Get("acceptable_latency").Scalar());
            var processing = CopilotDuration.Parse(delay.Get("msg_processing_time").Scalar());
            if (latency is null || processing is null)
            {
                yield return "queue_delay needs acceptable_latency and msg_processing_time as durations.";
            }
            else if (latency == TimeSpan.Zero || processing == TimeSpan.Zero || processing > latency)
            {
                yield return $"queue_delay: msg_processing_time ({processing}) must be non-zero and no longer than acceptable_latency ({latency}).";
            }
        }
    }

    private static IEnumerable<string> Fleet(YamlNode? count, DeployEnvironment environment, FleetDeployment declared, string scaledOn)
    {
        if (!environment.Production)
        {
            if (count.Get("spot").Int() != 1)
            {
                yield return "must be a single Spot task (spot: 1).";
            }

            yield break;
        }

        var (min, max) = Range(count.Get("range"));
        if (min != declared.MinTasks || max != declared.MaxTasks || count.Get(scaledOn) is null)
        {
            yield return $"must range {declared.MinTasks}-{declared.MaxTasks} (shared/fleet.json) scaled on {scaledOn}.";
        }
    }

    private static (int? Min, int? Max) Range(YamlNode? range)
    {
        if (range is YamlMappingNode map)
        {
            return (map.Get("min").Int(), map.Get("max").Int());
        }

        var match = Band().Match(range.Scalar() ?? "");
        return match.Success ? (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)) : (null, null);
    }

    [GeneratedRegex(@"^(\d+)-(\d+)$")]
    private static partial Regex Band();
}
