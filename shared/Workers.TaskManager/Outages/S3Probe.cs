using Amazon.S3;
using Workers.TaskManager.Aws;

namespace Workers.TaskManager.Outages;

// HEADs a key of the fleet's bucket that need not exist. Any answer that is not an outage (200, 404, or 403, which
// S3 gives for a missing key when the role may not list the bucket) proves S3 is back; the task roles the fleet
// renders allow GetObject only, so the probe asks for nothing more.
internal sealed class S3Probe(IAmazonS3 s3, BucketLocator bucket) : IDependencyProbe
{
    private const string ProbeKey = "claim-checks/.probe";

    public string Dependency => DependencyFailures.S3;

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await s3.GetObjectMetadataAsync(bucket.Name, ProbeKey, cancellationToken);
        }
        catch (AmazonS3Exception ex) when (DependencyFailures.DependencyOf(ex, out _) is null)
        {
            // S3 answered.
        }
    }
}
