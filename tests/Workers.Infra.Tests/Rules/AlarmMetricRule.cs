using Workers.Infra.Tests.Checks;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Rules;

// Every alarm watches a metric that exists: an SQS or ECS Container Insights metric with that service's
// dimensions, or one the TaskManager writes as EMF (namespace Workers, dimension sets [Worker] and
// [Worker, TaskType], see shared/Workers.TaskManager/Telemetry/EmfLine.cs). A typo here is an alarm that
// never fires, which no deploy would report.
public sealed class AlarmMetricRule : TemplateRule
{
    // Namespace → metric → the dimension sets it is published with.
    public static readonly IReadOnlyDictionary<string, (string[] Metrics, string[][] DimensionSets)> Known =
        new Dictionary<string, (string[], string[][])>(StringComparer.Ordinal)
        {
            // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html
            ["AWS/SQS"] = (
                ["ApproximateAgeOfOldestMessage", "ApproximateNumberOfMessagesDelayed", "ApproximateNumberOfMessagesNotVisible",
                 "ApproximateNumberOfMessagesVisible", "NumberOfEmptyReceives", "NumberOfMessagesDeleted",
                 "NumberOfMessagesReceived", "NumberOfMessagesSent", "SentMessageSize"],
                [["QueueName"]]),
            // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html
            ["ECS/ContainerInsights"] = (
                ["RunningTaskCount", "PendingTaskCount", "DesiredTaskCount", "CpuUtilized", "MemoryUtilized"],
                [["ClusterName", "ServiceName"]]),
            ["AWS/ECS"] = (["CPUUtilization", "MemoryUtilization"], [["ClusterName", "ServiceName"]]),
            // https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
            ["AWS/ApplicationELB"] = (
                ["RequestCount", "HTTPCode_Target_5XX_Count", "HTTPCode_Target_4XX_Count", "HTTPCode_ELB_5XX_Count",
                 "TargetResponseTime", "HealthyHostCount", "UnHealthyHostCount"],
                [["LoadBalancer"], ["LoadBalancer", "TargetGroup"]]),
            ["Workers"] = (["TasksSucceeded", "TasksFailed", "TasksDeadLettered", "TaskDuration"], [["Environment", "Worker"], ["Environment", "Worker", "TaskType"]]),
        };

    public override string Name => "alarm-metric";

    protected override IEnumerable<Violation> Check(CheckedFile file, YamlMappingNode template)
    {
        foreach (var (id, resource, type) in Resources(template).Where(r => r.Type == "AWS::CloudWatch::Alarm"))
        {
            var properties = resource.Get("Properties");
            var metrics = properties.Get("MetricName") is not null
                ? [properties!]
                : properties.Get("Metrics").Items().Select(m => m.At("MetricStat", "Metric")).OfType<YamlNode>().ToList();
            if (metrics.Count == 0)
            {
                yield return file.Violation(Name, $"alarm {id} watches no metric (MetricName or Metrics[].MetricStat).");
            }

            foreach (var metric in metrics)
            {
                foreach (var problem in Problems(metric))
                {
                    yield return file.Violation(Name, $"alarm {id}: {problem}");
                }
            }

            if (!properties.Get("AlarmActions").Items().Any())
            {
                yield return file.Violation(Name, $"alarm {id} has no AlarmActions: nobody would hear of it.");
            }
        }
    }

    private static IEnumerable<string> Problems(YamlNode metric)
    {
        var ns = metric.Get("Namespace").Scalar() ?? "";
        var name = metric.Get("MetricName").Scalar() ?? "";
        var dimensions = metric.Get("Dimensions").Items().Select(d => d.Get("Name").Scalar() ?? "").Order(StringComparer.Ordinal).ToArray();
        if (!Known.TryGetValue(ns, out var known))
        {
            yield return $"namespace '{ns}' is not one the fleet's metrics live in ({string.Join(", ", Known.Keys)}).";
            yield break;
        }

        if (!known.Metrics.Contains(name))
        {
            yield return $"{ns} has no metric '{name}' (known: {string.Join(", ", known.Metrics)}).";
        }

        if (!known.DimensionSets.Any(set => set.Order(StringComparer.Ordinal).SequenceEqual(dimensions)))
        {
            yield return $"{ns} {name} is not published with dimensions [{string.Join(", ", dimensions)}] (it is with {string.Join(" or ", known.DimensionSets.Select(s => "[" + string.Join(", ", s) + "]"))}).";
        }
    }
}
