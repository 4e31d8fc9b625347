using Workers.Fleet;
using Workers.Infra.Tests.Checks;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Rules;

// A worker's template (its Copilot addon, its infra/ template) carries the worker's alarm set (issue #4 §3) for
// that worker's own queues and metrics, a topic they notify, and the task-role policy.
public sealed class AlarmSetRule(FleetDeclaration fleet) : TemplateRule
{
    private static readonly (string Namespace, string Metric)[] Required =
    [
        ("AWS/SQS", "ApproximateAgeOfOldestMessage"),
        ("AWS/SQS", "ApproximateNumberOfMessagesVisible"),
        ("Workers", "TasksFailed"),
        ("ECS/ContainerInsights", "RunningTaskCount"),
    ];

    public override string Name => "alarm-set";

    protected override IEnumerable<Violation> Check(CheckedFile file, YamlMappingNode template)
    {
        var worker = WorkerOf(file.Path);
        if (worker is null || !fleet.Workers.TryGetValue(worker, out var declared))
        {
            yield break; // an environment template, or an undeclared worker (worker-files reports it)
        }

        var alarms = Resources(template).Where(r => r.Type == "AWS::CloudWatch::Alarm").Select(r => r.Resource.Get("Properties")).ToList();
        var watched = alarms.SelectMany(a => a.Get("Metrics").Items().Select(m => m.At("MetricStat", "Metric")).Append(a))
            .Where(m => m.Get("MetricName") is not null)
            .Select(m => (Namespace: m.Get("Namespace").Scalar(), Metric: m.Get("MetricName").Scalar(), Dimensions: m.Get("Dimensions")))
            .ToList();
        foreach (var (ns, metric) in Required.Where(r => !watched.Any(w => w.Namespace == r.Namespace && w.Metric == r.Metric)))
        {
            yield return file.Violation(Name, $"worker {worker} has no alarm on {ns} {metric}.");
        }

        var queueNames = watched.Where(w => w.Namespace == "AWS/SQS")
            .SelectMany(w => w.Dimensions.Items().Select(d => d.Get("Value").Scalar()?.Replace("${Env}", "production", StringComparison.Ordinal)));
        string[] own = [declared.QueueName("production"), declared.DeadLetterQueueName("production")];
        foreach (var name in queueNames.Where(n => !own.Contains(n)))
        {
            yield return file.Violation(Name, $"an SQS alarm of worker {worker} watches '{name}', which is not its queue or dead-letter queue ({string.Join(", ", own)}).");
        }

        var workerDimensions = watched.Where(w => w.Namespace == "Workers").SelectMany(w => w.Dimensions.Items())
            .Where(d => d.Get("Name").Scalar() == "Worker").Select(d => d.Get("Value").Scalar());
        foreach (var value in workerDimensions.Where(v => v != worker))
        {
            yield return file.Violation(Name, $"an EMF alarm of worker {worker} reads dimension Worker={value}.");
        }

        foreach (var type in new[] { "AWS::SNS::Topic", "AWS::IAM::ManagedPolicy" }.Where(t => Resources(template).All(r => r.Type != t)))
        {
            yield return file.Violation(Name, $"worker {worker}'s template has no {type}.");
        }
    }

    // copilot/worker-<name>/addons/… or infra/cloudformation/worker-<name>.yml
    public static string? WorkerOf(string path)
    {
        var parts = path.Split('/');
        return parts switch
        {
            ["copilot", var service, "addons", _] when service.StartsWith("worker-", StringComparison.Ordinal) => service["worker-".Length..],
            ["infra", "cloudformation", var file] when file.StartsWith("worker-", StringComparison.Ordinal) => Path.GetFileNameWithoutExtension(file)["worker-".Length..],
            _ => null,
        };
    }
}
