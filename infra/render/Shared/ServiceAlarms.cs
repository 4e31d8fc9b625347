using Workers.Fleet;

namespace Workers.Infra.Render.Shared;

// A web service's alarms (issue #12 §3) and the SNS topic they notify, on the load balancer's metrics for its
// target group: the share of requests answered 5xx, and p99 latency. Rendered into the Copilot addon and the plain
// template alike.
internal static class ServiceAlarms
{
    public const int ErrorRatePercent = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    // TargetResponseTime includes long polls (?wait=, up to 30 s), which last as long as a build takes. A p99
    // over 5 s for three windows in a row therefore means the API is slow or builds are: both are worth a page.
    public static readonly TimeSpan P99Threshold = TimeSpan.FromSeconds(5);
    public const int LatencyEvaluationPeriods = 3;

    public static string Resources(FleetDeclaration fleet, FleetService service, ServiceAlarmTargets on)
    {
        var prefix = $"{fleet.Application}-{on.Environment}-{service.Name}";
        return $$"""
              AlarmTopic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: {{Yaml.Sub(prefix + "-alarms")}}
                  DisplayName: {{Yaml.Quote($"{fleet.Application} {service.Name} alarms")}}

              ErrorRateAlarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: {{Yaml.Sub(prefix + "-5xx-rate")}}
                  AlarmDescription: {{Yaml.Quote($"{service.Name}: over {ErrorRatePercent} % of requests answered 5xx in {Window.TotalMinutes:0} minutes (a dependency down answers 503).")}}
                  Metrics:
            {{Yaml.Indent(MetricStat("errors", "HTTPCode_Target_5XX_Count", on) + "\n" + MetricStat("requests", "RequestCount", on), 8)}}
                    - Id: errorRate
                      Label: 5xx rate (%)
                      Expression: 'IF(FILL(requests, 0) > 0, 100 * FILL(errors, 0) / requests, 0)'
                      ReturnData: true
                  EvaluationPeriods: 1
                  Threshold: {{ErrorRatePercent}}
                  ComparisonOperator: GreaterThanThreshold
                  TreatMissingData: notBreaching
                  AlarmActions: [!Ref AlarmTopic]
                  OKActions: [!Ref AlarmTopic]

              LatencyAlarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: {{Yaml.Sub(prefix + "-p99-latency")}}
                  AlarmDescription: {{Yaml.Quote($"{service.Name}: p99 response time over {P99Threshold.TotalSeconds:0} s for {LatencyEvaluationPeriods * Window.TotalMinutes:0} minutes (long polls included: the API or the builds are slow).")}}
                  Namespace: AWS/ApplicationELB
                  MetricName: TargetResponseTime
                  Dimensions:
                    - Name: LoadBalancer
                      Value: {{on.LoadBalancer}}
                    - Name: TargetGroup
                      Value: {{on.TargetGroup}}
                  ExtendedStatistic: p99
                  Period: {{Durations.Seconds(Window)}}
                  EvaluationPeriods: {{LatencyEvaluationPeriods}}
                  Threshold: {{P99Threshold.TotalSeconds}}
                  ComparisonOperator: GreaterThanThreshold
                  TreatMissingData: notBreaching
                  AlarmActions: [!Ref AlarmTopic]
                  OKActions: [!Ref AlarmTopic]
            """;
    }

    private static string MetricStat(string id, string metric, ServiceAlarmTargets on) => $$"""
        - Id: {{id}}
          MetricStat:
            Metric:
              Namespace: AWS/ApplicationELB
              MetricName: {{metric}}
              Dimensions:
                - Name: LoadBalancer
                  Value: {{on.LoadBalancer}}
                - Name: TargetGroup
                  Value: {{on.TargetGroup}}
            Period: {{Durations.Seconds(Window)}}
            Stat: Sum
          ReturnData: false
        """;
}
