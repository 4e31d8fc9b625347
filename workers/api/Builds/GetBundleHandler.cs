using Amazon.S3;
using Microsoft.Net.Http.Headers;

namespace Workers.Api.Builds;

// GET /api/builds/{id}/bundle: the bundle bytes from S3. A finished build's bundle never changes, and bundles
// are content-addressed (bundles/<sha256>.js), so the hash is a strong ETag and the response may be cached
// forever; a client that has it sends If-None-Match and gets 304 without S3 being asked.
internal sealed class GetBundleHandler(BuildRecords records, IAmazonS3 s3)
{
    private const string Immutable = "public, max-age=31536000, immutable";

    public async Task<IResult> HandleAsync(string id, HttpContext context, CancellationToken cancellationToken)
    {
        var record = await records.GetAsync(id, cancellationToken);
        if (record is not { Status: "succeeded", BundleKey: not null, BundleSha256: not null })
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No bundle",
                detail: record is null ? $"No build '{id}' is recorded." : $"Build '{id}' is {record.Status} and has no bundle.");
        }

        var etag = new EntityTagHeaderValue($"\"{record.BundleSha256}\"");
        var response = context.Response;
        response.Headers.CacheControl = Immutable;
        response.Headers.ETag = etag.ToString();
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var stored = await s3.GetObjectAsync(record.BundleBucket, record.BundleKey, cancellationToken);
        context.Response.RegisterForDispose(stored);
        return TypedResults.Stream(stored.ResponseStream, "text/javascript; charset=utf-8");
    }
}
