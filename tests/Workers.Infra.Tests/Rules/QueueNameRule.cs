using System.Text.RegularExpressions;
using Workers.Infra.Tests.Checks;

namespace Workers.Infra.Tests.Rules;

// Queue names as SQS takes them: at most 80 characters of letters, digits, '-' and '_', ending in .fifo exactly
// when the queue is FIFO (for a Copilot patch: when the service's manifest asks for a FIFO queue). Environment
// variables in a !Sub are filled with the longest environment name.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html
public sealed partial class QueueNameRule(string repositoryRoot) : IRule
{
    private const string LongestEnvironment = "production";

    public string Name => "sqs-queue-name";

    public bool AppliesTo(string path) => FileKinds.IsTemplate(path) || FileKinds.IsPatch(path);

    public IEnumerable<Violation> Check(CheckedFile file)
    {
        if (file.Yaml is null)
        {
            yield break;
        }

        // Templates: QueueName of each AWS::SQS::Queue. Patches: the values added at .../QueueName; Copilot makes
        // the service's queue and its DLQ FIFO when the manifest sets subscribe.queue.fifo.
        var queues = FileKinds.IsPatch(file.Path)
            ? file.Yaml.Items()
                .Where(p => p.Get("path").Scalar()?.EndsWith("/QueueName", StringComparison.Ordinal) == true)
                .Select(p => (Id: p.Get("path").Scalar()!, Name: p.Get("value"), Fifo: ManifestAsksForFifo(file.Path)))
            : file.Yaml.Get("Resources").Entries()
                .Where(e => e.Value.Get("Type").Scalar() == "AWS::SQS::Queue")
                .Select(e => (Id: e.Key, Name: e.Value.At("Properties", "QueueName"), Fifo: e.Value.At("Properties", "FifoQueue").Scalar() == "true"));
        foreach (var (id, nameNode, fifo) in queues)
        {
            if (nameNode is null)
            {
                continue; // CloudFormation names it (adding .fifo itself for a FIFO queue)
            }

            var name = Variable().Replace(nameNode.Scalar() ?? "", m => m.Groups[1].Value switch
            {
                "Env" or "EnvName" => LongestEnvironment,
                "App" or "AppName" => "workers",
                var other => other,
            });
            var stem = name.EndsWith(".fifo", StringComparison.Ordinal) ? name[..^5] : name;
            if (name.Length > 80 || !Stem().IsMatch(stem))
            {
                yield return file.Violation(Name, $"{id}: queue name '{name}' must be 1–80 characters of letters, digits, '-' and '_' (.fifo included).");
            }

            if (fifo != name.EndsWith(".fifo", StringComparison.Ordinal))
            {
                yield return file.Violation(Name, $"{id}: queue name '{name}' must end in .fifo exactly when the queue is FIFO (FIFO: {(fifo ? "yes" : "no")}).");
            }
        }
    }

    // copilot/<service>/overrides/cfn.patches.yml → copilot/<service>/manifest.yml
    private bool ManifestAsksForFifo(string patchPath)
    {
        var manifest = Path.Combine(repositoryRoot, Path.GetDirectoryName(Path.GetDirectoryName(patchPath))!, "manifest.yml");
        return File.Exists(manifest) && new CheckedFile(manifest, File.ReadAllText(manifest)).Yaml.At("subscribe", "queue", "fifo") is { } fifo
            && fifo.Scalar() != "false";
    }

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex Variable();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex Stem();
}
