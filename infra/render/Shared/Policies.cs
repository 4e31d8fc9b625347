using Workers.Fleet;

namespace Workers.Infra.Render.Shared;

// The managed policy a worker's task role needs beyond what creates its queues. Copilot's task role may only
// receive and delete on its queue (its queue policy); the TaskManager also changes visibility (heartbeats,
// backoff), reads queue attributes (FIFO, redrive policy), sends poison messages to its DLQ, sends follow-up tasks
// to the queues in publishesTo, sends to its own queue (its outbox dispatcher publishes the tasks code outside a
// worker enqueued for it, and its own follow-ups to itself), and reads and writes claim checks and bundles in the
// fleet's bucket.
internal static class Policies
{
    public static string ManagedPolicy(FleetWorker worker, string environment, bool encryptedWithKms)
    {
        var fleet = worker.Fleet;
        var statements = new List<string>
        {
            Statement(
                "ConsumeOwnQueue",
                "[sqs:ReceiveMessage, sqs:DeleteMessage, sqs:ChangeMessageVisibility, sqs:GetQueueAttributes, sqs:GetQueueUrl]",
                [QueueArn(worker.QueueName(environment))]),
            Statement(
                "PublishOwnOutbox",
                "[sqs:SendMessage]",
                [QueueArn(worker.QueueName(environment))]),
            Statement(
                "DeadLetterPoisonMessages",
                "[sqs:SendMessage, sqs:GetQueueUrl, sqs:GetQueueAttributes]",
                [QueueArn(worker.DeadLetterQueueName(environment))]),
        };
        if (worker.PublishesTo.Count > 0)
        {
            statements.Add(Statement(
                "PublishFollowUpTasks",
                "[sqs:SendMessage, sqs:GetQueueUrl, sqs:GetQueueAttributes]",
                [.. worker.PublishesTo.Select(name => QueueArn(fleet.Worker(name).QueueName(environment)))]));
        }

        statements.Add(Statement(
            "ClaimChecksAndBundles",
            "[s3:GetObject, s3:PutObject, s3:AbortMultipartUpload]",
            [Yaml.Sub($"arn:${{AWS::Partition}}:s3:::{fleet.BucketName(environment)}/*")]));
        if (encryptedWithKms)
        {
            // Copilot encrypts worker queues with a KMS key of each service stack; sending to such a queue (own
            // DLQ, another worker's queue) needs the key through SQS. Plain templates use SQS-managed
            // encryption, which needs no grant.
            statements.Add("""
                - Sid: EncryptedQueues
                  Effect: Allow
                  Action: [kms:GenerateDataKey, kms:Decrypt]
                  Resource: '*'
                  Condition:
                    StringEquals:
                      kms:ViaService: !Sub 'sqs.${AWS::Region}.amazonaws.com'
                """);
        }

        return $$"""
              WorkerPolicy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  Description: {{Yaml.Sub($"Worker {worker.Name} in {environment}: heartbeats, dead-lettering, follow-up tasks, claim checks")}}
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
            {{Yaml.Indent(string.Join('\n', statements), 10)}}
            """;
    }

    private static string Statement(string sid, string actions, IReadOnlyList<string> resources) => $"""
        - Sid: {sid}
          Effect: Allow
          Action: {actions}
          Resource:
        {string.Join('\n', resources.Select(r => "    - " + r))}
        """;

    public static string QueueArn(string queueName) =>
        Yaml.Sub($"arn:${{AWS::Partition}}:sqs:${{AWS::Region}}:${{AWS::AccountId}}:{queueName}");
}
