using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using Workers.Build.Builds;
using Workers.TaskManager.Aws;

namespace Workers.Build.Bundles;

// Bundles in the fleet bucket under bundles/<sha256>.js: content-addressed, so the same bundle is stored once
// however many builds produce it, and a retried build re-uploads nothing.
internal sealed class BundleStore(IAmazonS3 s3, BucketLocator bucket, IOptions<BuildOptions> options)
{
    public async Task<StoredBundle> PutAsync(byte[] bundle, CancellationToken cancellationToken)
    {
        var sha256 = BuildCacheKey.Sha256(bundle);
        var stored = new StoredBundle(bucket.Name, $"{options.Value.BundlePrefix}{sha256}.js", sha256, bundle.Length);
        if (!await ExistsAsync(stored.Bucket, stored.Key, cancellationToken))
        {
            using var content = new MemoryStream(bundle, writable: false);
            await S3Uploads.UploadAsync(s3, stored.Bucket, stored.Key, content, "text/javascript; charset=utf-8", cancellationToken);
        }

        return stored;
    }

    public async Task<bool> ExistsAsync(string bucketName, string key, CancellationToken cancellationToken)
    {
        try
        {
            await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucketName, Key = key }, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
