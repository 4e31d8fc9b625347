using Amazon.S3;
using Amazon.S3.Transfer;

namespace Workers.TaskManager.Aws;

/// <summary>Uploads to S3 that work for any size.</summary>
public static class S3Uploads
{
    // A single PutObject is capped at 5 GiB by S3 and refused over ~11 MiB by the local emulator; multipart
    // from 8 MiB up works with both and streams instead of buffering.
    private const long MultipartThreshold = 8L << 20;

    /// <summary>Uploads <paramref name="content"/> to <paramref name="bucket"/>/<paramref name="key"/>, in parts when large.</summary>
    public static async Task UploadAsync(IAmazonS3 s3, string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(s3);
        using var transfer = new TransferUtility(s3, new TransferUtilityConfig { MinSizeBeforePartUpload = MultipartThreshold });
        await transfer.UploadAsync(
            new TransferUtilityUploadRequest
            {
                BucketName = bucket,
                Key = key,
                InputStream = content,
                ContentType = contentType,
                AutoCloseStream = false,
            },
            cancellationToken);
    }
}
