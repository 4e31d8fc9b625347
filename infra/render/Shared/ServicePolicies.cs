using Workers.Fleet;

namespace Workers.Infra.Render.Shared;

// The managed policy of a web service's task role. POST /api/tasks/{worker}/{type} enqueues any declared task
// type and POST /api/builds enqueues builds, so it may send to every declared worker's queue (and look up its URL
// and attributes: the readiness check reads the build queue's); it reads bundles and writes claim-checked
// sources in the fleet's bucket, and lists it (the readiness check).
internal static class ServicePolicies
{
    public const string LogicalId = "ServicePolicy";

    public static string ManagedPolicy(FleetDeclaration fleet, FleetService service, string environment, bool encryptedWithKms)
    {
        var queues = fleet.Workers.Values.OrderBy(w => w.Name, StringComparer.Ordinal)
            .Select(w => "    - " + Policies.QueueArn(w.QueueName(environment)));
        var statements = new List<string>
        {
            $"""
            - Sid: EnqueueDeclaredTasks
              Effect: Allow
              Action: [sqs:SendMessage, sqs:GetQueueUrl, sqs:GetQueueAttributes]
              Resource:
            {string.Join('\n', queues)}
            """,
            $"""
            - Sid: ClaimChecksAndBundles
              Effect: Allow
              Action: [s3:GetObject, s3:PutObject, s3:AbortMultipartUpload]
              Resource:
                - {Yaml.Sub($"arn:${{AWS::Partition}}:s3:::{fleet.BucketName(environment)}/*")}
            """,
            $"""
            - Sid: ReadinessListsTheBucket
              Effect: Allow
              Action: [s3:ListBucket]
              Resource:
                - {Yaml.Sub($"arn:${{AWS::Partition}}:s3:::{fleet.BucketName(environment)}")}
            """,
        };
        if (encryptedWithKms)
        {
            // Copilot encrypts worker queues with a KMS key of each worker's stack; sending needs the key through SQS.
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
              {{LogicalId}}:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  Description: {{Yaml.Sub($"Service {service.Name} in {environment}: enqueue declared tasks, claim checks and bundles")}}
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
            {{Yaml.Indent(string.Join('\n', statements), 10)}}
            """;
    }
}
