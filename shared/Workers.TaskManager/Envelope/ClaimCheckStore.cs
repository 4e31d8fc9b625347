using System.Net;
using System.Text.Json;
using Amazon.S3;
using Workers.TaskManager.Aws;
using Workers.TaskManager.References;

namespace Workers.TaskManager.Envelope;

// Stores task bodies too large for a message in S3 and reads them back (the claim-check pattern). Stored bodies
// are not deleted after success: a dead-lettered message redriven later still needs its body, so the bucket's
// lifecycle rule expires them after the queues' retention. A reference is checked against the policy before
// anything is read: the envelope is the sender's to write, and its bodyRef could name any object the worker's
// role can reach. The policy exists only in worker hosts (it needs the worker); publishers never read.
internal sealed class ClaimCheckStore(IAmazonS3 s3, BucketLocator bucket, ReferencePolicy? references = null)
{
    public async Task<BodyReference> PutAsync(string worker, string taskId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var key = FleetKeys.ClaimCheck(worker, taskId);
        var name = bucket.Name;
        using var content = new MemoryStream(body.ToArray(), writable: false);
        await S3Uploads.UploadAsync(s3, name, key, content, "application/json", cancellationToken);
        return new BodyReference(name, key, body.Length);
    }

    public async Task<JsonDocument> GetAsync(BodyReference reference, long maxBytes, CancellationToken cancellationToken)
    {
        var policy = references ?? throw new InvalidOperationException("Claim-checked bodies are read only in a worker host (AddTaskManager), which knows the worker they must belong to.");
        policy.Check(EnvelopeFields.BodyRef, reference.Bucket, reference.Key, ReferenceKind.ClaimCheck);
        if (reference.Size > maxBytes)
        {
            throw TooLarge(reference.Size, maxBytes);
        }

        try
        {
            using var response = await s3.GetObjectAsync(reference.Bucket, reference.Key, cancellationToken);
            if (response.ContentLength > maxBytes)
            {
                throw TooLarge(response.ContentLength, maxBytes);
            }

            try
            {
                return await JsonDocument.ParseAsync(response.ResponseStream, cancellationToken: cancellationToken);
            }
            catch (JsonException ex)
            {
                throw new PermanentTaskException($"The claim-checked body s3://{reference.Bucket}/{reference.Key} is not JSON: {ex.Message}", FailureKind.InvalidBody, ex);
            }
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new PermanentTaskException($"The claim-checked body s3://{reference.Bucket}/{reference.Key} does not exist ({ex.ErrorCode}).", FailureKind.ClaimCheckMissing, ex);
        }
    }

    private static PermanentTaskException TooLarge(long size, long maxBytes) =>
        new($"The task body is {size:N0} bytes; this worker accepts at most {maxBytes:N0} (TaskManager:MaxBodyBytes).", FailureKind.BodyTooLarge);
}
