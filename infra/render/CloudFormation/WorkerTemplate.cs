using Workers.Fleet;
using Workers.Infra.Render.Shared;

namespace Workers.Infra.Render.CloudFormation;

// infra/cloudformation/worker-<name>.yml: the worker's FIFO queue and DLQ with the fleet's names and redrive
// policy, the managed policy to attach to whatever task role runs it, and its alarms with their topic.
internal static class WorkerTemplate
{
    public static string Render(FleetWorker worker)
    {
        var fleet = worker.Fleet;
        var production = DeployEnvironment.All.Single(e => e.Production).Name;
        var targets = new AlarmTargets("${Env}", "!Ref ClusterName", "!Ref ServiceName", $"!If [IsProduction, {worker.Deployment.MinTasks}, 1]");
        return $$"""
            {{Yaml.Header}}
            AWSTemplateFormatVersion: '2010-09-09'
            Description: {{Yaml.Quote($"{fleet.Application} worker {worker.Name}: queue, dead-letter queue, task-role policy, alarms")}}

            Parameters:
            {{Yaml.Indent(CloudFormationFiles.EnvParameter(), 2)}}
              ClusterName:
                Type: String
                Description: The ECS cluster the worker's service runs in (dimension of the running-task alarm).
              ServiceName:
                Type: String
                Default: {{WorkerNaming.ServiceName(worker)}}
                Description: The worker's ECS service name.
              AlarmEmail:
                Type: String
                Default: ''
                Description: An e-mail address subscribed to the alarm topic (confirm the e-mail AWS sends); empty for none.

            Conditions:
              IsProduction: !Equals [!Ref Env, {{production}}]
              HasAlarmEmail: !Not [!Equals [!Ref AlarmEmail, '']]

            Resources:
              DeadLetterQueue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: {{Yaml.Sub(worker.DeadLetterQueueName("${Env}"))}}
                  FifoQueue: true
                  MessageRetentionPeriod: {{Durations.Seconds(fleet.DeadLetterRetention)}}
                  SqsManagedSseEnabled: true

              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: {{Yaml.Sub(worker.QueueName("${Env}"))}}
                  FifoQueue: true
                  ContentBasedDeduplication: true
                  VisibilityTimeout: {{Durations.Seconds(Scaling.QueueVisibilityTimeout(worker))}}
                  MessageRetentionPeriod: {{Durations.Seconds(fleet.MessageRetention)}}
                  SqsManagedSseEnabled: true
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt DeadLetterQueue.Arn
                    maxReceiveCount: {{worker.MaxReceiveCount}}

            {{Policies.ManagedPolicy(worker, "${Env}", encryptedWithKms: false)}}

            {{Alarms.Resources(worker, targets)}}

              AlarmEmailSubscription:
                Type: AWS::SNS::Subscription
                Condition: HasAlarmEmail
                Properties:
                  TopicArn: !Ref AlarmTopic
                  Protocol: email
                  Endpoint: !Ref AlarmEmail

            Outputs:
              QueueUrl:
                Value: !Ref Queue
              DeadLetterQueueUrl:
                Value: !Ref DeadLetterQueue
              WorkerPolicyArn:
                Description: Attach to the worker's ECS task role.
                Value: !Ref WorkerPolicy
              AlarmTopicArn:
                Description: Subscribe a chat webhook or an e-mail address to get the alarms.
                Value: !Ref AlarmTopic

            """;
    }
}
