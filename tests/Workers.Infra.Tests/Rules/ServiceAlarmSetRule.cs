using Workers.Fleet;
using Workers.Infra.Tests.Checks;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Rules;

// A web service's template (its Copilot addon, its infra/ template) carries its alarm set (issue #12 §3): the 5xx
// rate and the p99 latency of its target group, a topic they notify, and a task-role policy that may send to
// every declared worker's queue (POST /api/tasks enqueues any declared task type).
public sealed class ServiceAlarmSetRule(FleetDeclaration fleet) : TemplateRule
{
    public override string Name => "service-alarm-set";

    protected override IEnumerable<Violation> Check(CheckedFile file, YamlMappingNode template)
    {
        if (ServiceOf(file.Path) is not { } name || !fleet.Services.ContainsKey(name))
        {
            yield break;
        }

        var alarms = Resources(template).Where(r => r.Type == "AWS::CloudWatch::Alarm").Select(r => r.Resource.Get("Properties")).ToList();
        var watched = alarms.SelectMany(a => a.Get("Metrics").Items().Select(m => m.At("MetricStat", "Metric")).Append(a))
            .Where(m => m.Get("MetricName") is not null)
            .Select(m => (Namespace: m.Get("Namespace").Scalar(), Metric: m.Get("MetricName").Scalar(), Dimensions: m.Get("Dimensions").Items().Select(d => d.Get("Name").Scalar()).ToList()))
            .ToList();
        foreach (var metric in new[] { "HTTPCode_Target_5XX_Count", "RequestCount" }.Where(m => !watched.Any(w => w.Namespace == "AWS/ApplicationELB" && w.Metric == m && w.Dimensions.Contains("TargetGroup"))))
        {
            yield return file.Violation(Name, $"service {name} has no 5xx-rate alarm on AWS/ApplicationELB {metric} of its target group.");
        }

        if (!alarms.Any(a => a.Get("MetricName").Scalar() == "TargetResponseTime" && a.Get("ExtendedStatistic").Scalar() == "p99"))
        {
            yield return file.Violation(Name, $"service {name} has no p99 latency alarm (TargetResponseTime, ExtendedStatistic p99).");
        }

        foreach (var type in new[] { "AWS::SNS::Topic", "AWS::IAM::ManagedPolicy" }.Where(t => Resources(template).All(r => r.Type != t)))
        {
            yield return file.Violation(Name, $"service {name}'s template has no {type}.");
        }

        var policy = Resources(template).FirstOrDefault(r => r.Type == "AWS::IAM::ManagedPolicy").Resource;
        var sendable = policy.At("Properties", "PolicyDocument", "Statement").Items()
            .Where(s => s.Get("Action").Items().Any(a => a.Scalar() == "sqs:SendMessage"))
            .SelectMany(s => s.Get("Resource").Items().Select(r => r.Scalar() ?? ""))
            .ToList();
        foreach (var worker in fleet.Workers.Values.Where(w => !sendable.Any(r => r.EndsWith(":" + w.QueueName("${Env}"), StringComparison.Ordinal))))
        {
            yield return file.Violation(Name, $"service {name}'s policy may not send to worker {worker.Name}'s queue; POST /api/tasks enqueues any declared task type.");
        }
    }

    // copilot/<service>/addons/… (not worker-*, not environments) or infra/cloudformation/service-<name>.yml
    public static string? ServiceOf(string path) => path.Split('/') switch
    {
        ["copilot", var service, "addons", _] when !service.StartsWith("worker-", StringComparison.Ordinal) && service != "environments" => service,
        ["infra", "cloudformation", var file] when file.StartsWith("service-", StringComparison.Ordinal) => Path.GetFileNameWithoutExtension(file)["service-".Length..],
        _ => null,
    };
}
