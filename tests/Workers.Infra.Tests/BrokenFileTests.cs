using Workers.Infra.Render;
using Workers.Infra.Tests.Checks;
using Workers.Testing;

namespace Workers.Infra.Tests;

// Each rule bites: a committed file broken the way a hand edit would break it makes exactly that rule fail, and
// the message names the file and the rule.
public sealed class BrokenFileTests
{
    private const string Addon = "copilot/worker-product/addons/worker.yml";
    private const string Manifest = "copilot/worker-product/manifest.yml";
    private const string Plain = "infra/cloudformation/worker-product.yml";
    private const string Patch = "copilot/worker-product/overrides/cfn.patches.yml";
    private const string Image = "workers/product/Dockerfile";
    private const string ApiManifest = "copilot/api/manifest.yml";
    private const string ApiAddon = "copilot/api/addons/service.yml";
    private const string ApiPlain = "infra/cloudformation/service-api.yml";

    private static readonly string Root = RepositoryRoot.Path;

    public static TheoryData<string, string, string, string, string> Breakages => new()
    {
        // rule, file, text to replace, replacement, part of the expected message
        { "cfn-template", Addon, "AlarmActions: [!Ref AlarmTopic]", "AlarmActions: [!Reff AlarmTopic]", "unknown tag !Reff" },
        { "cfn-template", Plain, "  Queue:\n    Type: AWS::SQS::Queue\n", "  Queue:\n", "resource Queue has no Type" },
        { "cfn-resource-type", Addon, "Type: AWS::SNS::Topic", "Type: AWS::SNS::Topik", "'AWS::SNS::Topik'" },
        { "cfn-references", Addon, "AlarmActions: [!Ref AlarmTopic]", "AlarmActions: [!Ref AlarmTopix]", "!Ref AlarmTopix names no parameter" },
        { "cfn-references", Addon, "${Env}-product-alarms", "${Environment}-product-alarms", "${Environment}" },
        { "cfn-references", Plain, "!GetAtt DeadLetterQueue.Arn", "!GetAtt DeadLetterQueue.Url", "has no attribute Url" },
        { "cfn-references", Addon, "!FindInMap [TaskCounts,", "!FindInMap [TaskCount,", "no map 'TaskCount'" },
        { "cfn-references", Plain, "!If [IsProduction,", "!If [IsProd,", "condition 'IsProd'" },
        { "cfn-parameters", Addon, "  Name:\n    Type: String\n", "", "parameter Name must be declared" },
        { "cfn-parameters", Plain, "AllowedValues: [staging, production]", "AllowedValues: [staging, prod]", "must allow exactly" },
        { "alarm-metric", Addon, "MetricName: ApproximateAgeOfOldestMessage", "MetricName: ApproximateAgeOfOldestMesage", "no metric 'ApproximateAgeOfOldestMesage'" },
        { "alarm-metric", Addon, "Namespace: Workers", "Namespace: Worker", "namespace 'Worker'" },
        { "alarm-metric", Plain, "- Name: Worker\n", "- Name: WorkerName\n", "dimensions [Environment, WorkerName]" },
        { "alarm-metric", Plain, "      AlarmActions: [!Ref AlarmTopic]\n", "", "has no AlarmActions" },
        { "alarm-set", Addon, "Value: !Sub 'workers-${Env}-product-dlq.fifo'", "Value: !Sub 'workers-${Env}-build-dlq.fifo'", "not its queue" },
        { "alarm-set", Plain, "MetricName: RunningTaskCount", "MetricName: PendingTaskCount", "no alarm on ECS/ContainerInsights RunningTaskCount" },
        { "sqs-queue-name", Plain, "QueueName: !Sub 'workers-${Env}-product.fifo'", "QueueName: !Sub 'workers-${Env}-product'", "must end in .fifo" },
        { "sqs-queue-name", Patch, "product.fifo'", "product-with-a-name-long-enough-to-pass-the-eighty-character-limit-of-sqs.fifo'", "1–80 characters" },
        { "sqs-queue-name", Patch, "product-dlq.fifo'", "product-dlq'", "must end in .fifo exactly when the queue is FIFO (FIFO: yes)" },
        { "copilot-service-name", Manifest, "name: worker-product", "name: worker--product", "single hyphens" },
        { "copilot-service-name", Manifest, "type: Worker Service", "type: Backend Service", "'Worker Service'" },
        { "copilot-worker-queue", Manifest, "dead_letter:\n      tries: 3", "dead_letter:\n      tries: 0", "integer >= 1" },
        { "copilot-container", Manifest, "retries: 3", "retries: 0", "retries must be 1–10" },
        { "copilot-worker-queue", Manifest, "timeout: 15m", "timeout: 13h", "outside Copilot's range" },
        { "copilot-worker-queue", Manifest, "timeout: 15m", "timeout: 2m", "slowest task type" },
        { "copilot-worker-queue", Manifest, "timeout: 15m", "timeout: 15m\n    delay: 16m", "subscribe.queue.delay 16m" },
        { "copilot-worker-queue", Manifest, "content_based_deduplication: true", "content_based_deduplication: false", "content_based_deduplication must be true" },
        { "copilot-count", Manifest, "range: 1-3", "range: 3-1", "0 <= min <= max" },
        { "copilot-count", Manifest, "msg_processing_time: 45s", "msg_processing_time: 10m", "no longer than acceptable_latency" },
        { "copilot-count", Manifest, "spot: 1", "spot: 2", "single Spot task" },
        { "fargate-task-size", Manifest, "memory: 512", "memory: 4096", "not a Fargate task size" },
        { "log-retention", Manifest, "retention: 7\n", "retention: 8\n", "not a CloudWatch Logs retention" },
        { "log-retention", Manifest, "retention: 30\n", "retention: 14\n", "production keeps logs 30 days" },
        { "copilot-container", Manifest, "\"healthcheck\"]", "\"health\"]", "image.healthcheck.command" },
        { "copilot-container", Manifest, "DB_SECRET:", "DATABASE:", "secrets.DB_SECRET" },
        { "copilot-container", Manifest, "    value: 60\n", "    value: 30\n", "StopTimeout to 45–120 s (found 30)" },
        { "dockerfile-runtime", Image, "ENTRYPOINT [\"dotnet\", \"/app/Workers.Product.dll\"]", "ENTRYPOINT dotnet /app/Workers.Product.dll", "exec form" },
        { "dockerfile-runtime", Image, "USER $APP_UID", "USER root", "runs as root" },
        { "dockerfile-runtime", Image, "runtime:10.0-noble-chiseled AS runtime", "sdk:10.0 AS runtime", "runs on the SDK image" },
        { "dockerfile-context", Image, "COPY shared/ shared/", "COPY shared/Workers.Fleet/ shared/Workers.Fleet/", "shared/Workers.Hosting/" },
        { "dockerfile-context", Image, "COPY global.json", "COPY global2.json", "'global2.json' does not exist" },
        { "copilot-service-name", ApiManifest, "type: Load Balanced Web Service", "type: Worker Service", "is a 'Load Balanced Web Service'" },
        { "copilot-web-service", ApiManifest, "path: '/api/health'", "path: '/health'", "shared/fleet.json says '/api/health'" },
        { "copilot-web-service", ApiManifest, "  port: 8080\n  # The ECS", "  port: 80\n  # The ECS", "image.port is 80" },
        { "copilot-web-service", ApiManifest, "ASPNETCORE_HTTP_PORTS: 8080", "ASPNETCORE_HTTP_PORTS: 5000", "ASPNETCORE_HTTP_PORTS must be 8080" },
        { "copilot-web-service", ApiManifest, "deregistration_delay: 35s", "deregistration_delay: 5s", "deregistration_delay must be" },
        { "copilot-web-service", ApiManifest, "timeout: 5s", "timeout: 15s", "outside the ALB's limits" },
        { "copilot-count", ApiManifest, "cpu_percentage: 70", "requests: 1000", "scaled on cpu_percentage" },
        { "fargate-task-size", ApiManifest, "memory: 512", "memory: 1024", "declares 256 / 512" },
        { "copilot-container", ApiManifest, "\"healthcheck\"]", "\"health\"]", "image.healthcheck.command" },
        { "cfn-parameters", ApiAddon, "  Name:\n    Type: String\n", "", "parameter Name must be declared" },
        { "cfn-references", ApiAddon, "!Ref TargetGroupFullName", "!Ref TargetGroupName", "!Ref TargetGroupName names no parameter" },
        { "service-alarm-set", ApiAddon, "ExtendedStatistic: p99", "Statistic: Average", "no p99 latency alarm" },
        { "service-alarm-set", ApiAddon, "MetricName: HTTPCode_Target_5XX_Count", "MetricName: HTTPCode_ELB_5XX_Count", "HTTPCode_Target_5XX_Count of its target group" },
        { "service-alarm-set", ApiPlain, "              - !Sub 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:workers-${Env}-item.fifo'\n", "", "may not send to worker item's queue" },
        { "alarm-metric", ApiPlain, "MetricName: TargetResponseTime", "MetricName: TargetResponseTimes", "no metric 'TargetResponseTimes'" },
        { "alarm-metric", ApiPlain, "- Name: TargetGroup\n", "- Name: Target\n", "dimensions [LoadBalancer, Target]" },
        { "cfn-resource-type", ApiPlain, "Type: AWS::ElasticLoadBalancingV2::TargetGroup", "Type: AWS::ElasticLoadBalancingV2::TargetGroups", "'AWS::ElasticLoadBalancingV2::TargetGroups'" },
        { "cfn-references", ApiPlain, "!GetAtt LoadBalancer.LoadBalancerFullName", "!GetAtt LoadBalancer.FullName", "has no attribute FullName" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_file_fails_the_rule_it_breaks(string rule, string path, string original, string broken, string expected)
    {
        var text = File.ReadAllText(Path.Combine(Root, path));
        Assert.Contains(original, text, StringComparison.Ordinal); // the breakage must apply, or the test proves nothing
        var file = new CheckedFile(path, ReplaceFirst(text, original, broken));

        var violations = RuleSet.For(Root, FleetRenderer.ReadFleet(Root))
            .Where(r => r.Name == rule && r.AppliesTo(path))
            .SelectMany(r => r.Check(file))
            .Select(v => v.ToString())
            .ToList();

        Assert.Contains(violations, v => v.StartsWith($"{path}: [{rule}] ", StringComparison.Ordinal) && v.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Unparsable_yaml_is_reported_with_the_file_and_rule()
    {
        var file = new CheckedFile(Manifest, "name: [worker-product\n");

        var violation = Assert.Single(RuleSet.For(Root, FleetRenderer.ReadFleet(Root)).Where(r => r.Name == "copilot-service-name").SelectMany(r => r.Check(file)));

        Assert.StartsWith($"{Manifest}: [copilot-service-name] not valid YAML", violation.ToString(), StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string original, string replacement)
    {
        var at = text.IndexOf(original, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + original.Length)..];
    }
}
