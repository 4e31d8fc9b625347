using Workers.Fleet;
using Workers.Infra.Tests.Checks;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Rules;

// subscribe.queue: a FIFO queue with content-based deduplication, durations within Copilot's ranges (timeout
// 0s–12h, delay 0s–15m, retention 60s–336h), dead_letter.tries >= 1; and the fleet's values (tries =
// maxReceiveCount, timeout = the slowest task type or the worker's visibility, retention).
public sealed class WorkerQueueRule(FleetDeclaration fleet) : ManifestRule
{
    public override string Name => "copilot-worker-queue";

    public override bool AppliesTo(string path) => FileKinds.IsWorkerManifest(path);

    protected override IEnumerable<Violation> Check(CheckedFile file, YamlMappingNode manifest)
    {
        var queue = manifest.At("subscribe", "queue");
        if (queue is null)
        {
            yield return file.Violation(Name, "subscribe.queue is missing: a worker's queue must be FIFO with a dead-letter queue.");
            yield break;
        }

        var fifo = queue.Get("fifo");
        if (fifo.At("content_based_deduplication").Scalar() != "true")
        {
            yield return file.Violation(Name, "subscribe.queue.fifo.content_based_deduplication must be true (FIFO queue, deduplicated by content).");
        }

        foreach (var problem in Duration(queue, "timeout", TimeSpan.Zero, TimeSpan.FromHours(12))
            .Concat(Duration(queue, "delay", TimeSpan.Zero, TimeSpan.FromMinutes(15)))
            .Concat(Duration(queue, "retention", TimeSpan.FromSeconds(60), TimeSpan.FromHours(336))))
        {
            yield return file.Violation(Name, problem);
        }

        var tries = queue.At("dead_letter", "tries").Int();
        if (tries is not >= 1)
        {
            yield return file.Violation(Name, $"subscribe.queue.dead_letter.tries is '{queue.At("dead_letter", "tries").Scalar()}'; it must be an integer >= 1.");
        }

        if (!fleet.Workers.TryGetValue(WorkerOf(file), out var worker))
        {
            yield break;
        }

        if (tries is { } t && t != worker.MaxReceiveCount)
        {
            yield return file.Violation(Name, $"subscribe.queue.dead_letter.tries is {t}; shared/fleet.json says maxReceiveCount {worker.MaxReceiveCount}.");
        }

        var expected = worker.SlowestTaskTimeout > worker.VisibilityTimeout ? worker.SlowestTaskTimeout : worker.VisibilityTimeout;
        if (CopilotDuration.Parse(queue.Get("timeout").Scalar()) is { } timeout && timeout != expected)
        {
            yield return file.Violation(Name, $"subscribe.queue.timeout is {timeout}; it must cover the slowest task type: {expected}.");
        }

        if (CopilotDuration.Parse(queue.Get("retention").Scalar()) is { } retention && retention != fleet.MessageRetention)
        {
            yield return file.Violation(Name, $"subscribe.queue.retention is {retention}; shared/fleet.json says {fleet.MessageRetention}.");
        }
    }

    private static IEnumerable<string> Duration(YamlNode queue, string field, TimeSpan min, TimeSpan max)
    {
        if (queue.Get(field) is not { } node)
        {
            yield break;
        }

        var value = CopilotDuration.Parse(node.Scalar());
        if (value is null)
        {
            yield return $"subscribe.queue.{field} '{node.Scalar()}' is not a duration such as 30s, 15m or 96h.";
        }
        else if (value < min || value > max)
        {
            yield return $"subscribe.queue.{field} {node.Scalar()} is outside Copilot's range {min}–{max}.";
        }
    }
}
