using Workers.Fleet;

namespace Workers.Infra.Render.Shared;

// The four alarms per worker (issue #4 §3) and the SNS topic they notify. Rendered into the Copilot addon and
// into the plain CloudFormation template alike, so both environments page on the same conditions.
internal static class Alarms
{
    public static readonly TimeSpan OldestMessageThreshold = TimeSpan.FromMinutes(5);
    public const int ErrorRatePercent = 10;
    public static readonly TimeSpan ErrorRateWindow = TimeSpan.FromMinutes(5);

    // Must match Metrics:Namespace and the EMF lines of shared/Workers.TaskManager/Telemetry/EmfLine.cs.
    public const string MetricsNamespace = "Workers";

    public static string Resources(FleetWorker worker, AlarmTargets on)
    {
        var env = on.Environment;
        var queue = Yaml.Sub(worker.QueueName(env));
        var deadLetter = Yaml.Sub(worker.DeadLetterQueueName(env));
        var prefix = $"{worker.Fleet.Application}-{env}-{worker.Name}";
        return $$"""
              AlarmTopic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: {{Yaml.Sub(prefix + "-alarms")}}
                  DisplayName: {{Yaml.Quote($"{worker.Fleet.Application} {worker.Name} alarms")}}

              OldestMessageAlarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: {{Yaml.Sub(prefix + "-oldest-message")}}
                  AlarmDescription: {{Yaml.Quote($"{worker.Name}: a message has waited over {OldestMessageThreshold.TotalMinutes:0} minutes in its queue; the worker is down, stuck or too slow.")}}
                  Namespace: AWS/SQS
                  MetricName: ApproximateAgeOfOldestMessage
                  Dimensions:
                    - Name: QueueName
                      Value: {{queue}}
                  Statistic: Maximum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: {{Durations.Seconds(OldestMessageThreshold)}}
                  ComparisonOperator: GreaterThanThreshold
                  TreatMissingData: notBreaching
                  AlarmActions: [!Ref AlarmTopic]
                  OKActions: [!Ref AlarmTopic]

              DeadLetterAlarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: {{Yaml.Sub(prefix + "-dead-letters")}}
                  AlarmDescription: {{Yaml.Quote($"{worker.Name}: messages are waiting in the dead-letter queue; inspect them (workers dlq) and redrive after a fix.")}}
                  Namespace: AWS/SQS
                  MetricName: ApproximateNumberOfMessagesVisible
                  Dimensions:
                    - Name: QueueName
                      Value: {{deadLetter}}
                  Statistic: Maximum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 0
                  ComparisonOperator: GreaterThanThreshold
                  TreatMissingData: notBreaching
                  AlarmActions: [!Ref AlarmTopic]
                  OKActions: [!Ref AlarmTopic]

              ErrorRateAlarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: {{Yaml.Sub(prefix + "-error-rate")}}
                  AlarmDescription: {{Yaml.Quote($"{worker.Name}: over {ErrorRatePercent} % of tasks failed in {ErrorRateWindow.TotalMinutes:0} minutes (TaskManager EMF metrics, namespace {MetricsNamespace}).")}}
                  Metrics:
            {{Yaml.Indent(MetricStat("failed", "TasksFailed", worker) + "\n" + MetricStat("succeeded", "TasksSucceeded", worker), 8)}}
                    - Id: errorRate
                      Label: Task error rate (%)
                      Expression: 'IF(FILL(failed, 0) + FILL(succeeded, 0) > 0, 100 * FILL(failed, 0) / (FILL(failed, 0) + FILL(succeeded, 0)), 0)'
                      ReturnData: true
                  EvaluationPeriods: 1
                  Threshold: {{ErrorRatePercent}}
                  ComparisonOperator: GreaterThanThreshold
                  TreatMissingData: notBreaching
                  AlarmActions: [!Ref AlarmTopic]
                  OKActions: [!Ref AlarmTopic]

              RunningTasksAlarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: {{Yaml.Sub(prefix + "-running-tasks")}}
                  AlarmDescription: {{Yaml.Quote($"{worker.Name}: fewer tasks run than the service's minimum (Container Insights).")}}
                  Namespace: ECS/ContainerInsights
                  MetricName: RunningTaskCount
                  Dimensions:
                    - Name: ClusterName
                      Value: {{on.ClusterName}}
                    - Name: ServiceName
                      Value: {{on.ServiceName}}
                  Statistic: Minimum
                  Period: 60
                  EvaluationPeriods: 5
                  Threshold: {{on.MinTasks}}
                  ComparisonOperator: LessThanThreshold
                  TreatMissingData: breaching
                  AlarmActions: [!Ref AlarmTopic]
                  OKActions: [!Ref AlarmTopic]
            """;
    }

    private static string MetricStat(string id, string metric, FleetWorker worker) => $$"""
        - Id: {{id}}
          MetricStat:
            Metric:
              Namespace: {{MetricsNamespace}}
              MetricName: {{metric}}
              Dimensions:
                - Name: Environment
                  Value: !Ref Env
                - Name: Worker
                  Value: {{worker.Name}}
            Period: {{Durations.Seconds(ErrorRateWindow)}}
            Stat: Sum
          ReturnData: false
        """;
}
