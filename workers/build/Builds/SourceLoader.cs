using System.Net;
using System.Text;
using Amazon.S3;
using Microsoft.Extensions.Options;

namespace Workers.Build.Builds;

// Reads the source from the body or from S3, refusing (as a failed build, not an error) one over the limit
// before downloading it. A sourceFile outside the build worker's uploads never gets here: the TaskManager
// refuses every StoredFile in a body against its ReferencePolicy before the handler runs (dead-lettered as
// ForeignReference), so a missing object here is one of the fleet's own, and a failed build says so.
internal sealed class SourceLoader(IAmazonS3 s3, IOptions<BuildOptions> options)
{
    public async Task<BuildSource> LoadAsync(BuildBody body, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxSourceBytes;
        if (body.Source is { } inline)
        {
            var bytes = Encoding.UTF8.GetBytes(inline);
            return new BuildSource(inline, bytes.Length, BuildCacheKey.Sha256(bytes), bytes.Length > max ? TooLarge(bytes.Length, max) : null);
        }

        var file = body.SourceFile!;
        if (file.Size > max)
        {
            return new BuildSource("", file.Size.Value, "", TooLarge(file.Size.Value, max));
        }

        try
        {
            using var response = await s3.GetObjectAsync(file.Bucket, file.Key, cancellationToken);
            if (response.ContentLength > max)
            {
                return new BuildSource("", response.ContentLength, "", TooLarge(response.ContentLength, max));
            }

            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
            var bytes = buffer.ToArray();
            return new BuildSource(Encoding.UTF8.GetString(bytes), bytes.Length, BuildCacheKey.Sha256(bytes), null);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return new BuildSource("", 0, "", $"The source s3://{file.Bucket}/{file.Key} does not exist.");
        }
    }

    private static string TooLarge(long bytes, int max) =>
        $"The source is {bytes:N0} bytes; a component may have at most {max:N0} (Build:MaxSourceBytes).";
}
