using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Workers.TaskManager.Aws;

namespace Workers.Api.Health;

// The fleet's bucket can be listed: bundles can be served and large sources stored.
internal sealed class S3Readiness(IAmazonS3 s3, BucketLocator bucket) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket.Name, MaxKeys = 1 }, cancellationToken);
            return HealthCheckResult.Healthy("S3 answers.");
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"S3 is unreachable: {ex.Message}");
        }
    }
}
