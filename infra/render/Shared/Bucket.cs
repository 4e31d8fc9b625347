using System.Globalization;
using Workers.Fleet;

namespace Workers.Infra.Render.Shared;

// The fleet's bucket for claim checks and bundles, one per environment: private, encrypted, and claim checks
// expire once no message can still refer to them.
internal static class Bucket
{
    public static string Resource(FleetDeclaration fleet, string environment) => $$"""
          ArtifactsBucket:
            Type: AWS::S3::Bucket
            DeletionPolicy: Retain
            UpdateReplacePolicy: Retain
            Properties:
              BucketName: {{Yaml.Sub(fleet.BucketName(environment))}}
              BucketEncryption:
                ServerSideEncryptionConfiguration:
                  - ServerSideEncryptionByDefault:
                      SSEAlgorithm: AES256
              PublicAccessBlockConfiguration:
                BlockPublicAcls: true
                BlockPublicPolicy: true
                IgnorePublicAcls: true
                RestrictPublicBuckets: true
              LifecycleConfiguration:
                Rules:
                  - Id: ExpireClaimChecks
                    Status: Enabled
                    Prefix: claim-checks/
                    ExpirationInDays: {{Scaling.ClaimCheckExpiryDays(fleet).ToString(CultureInfo.InvariantCulture)}}
                  - Id: AbortIncompleteUploads
                    Status: Enabled
                    AbortIncompleteMultipartUpload:
                      DaysAfterInitiation: 1
        """;
}
