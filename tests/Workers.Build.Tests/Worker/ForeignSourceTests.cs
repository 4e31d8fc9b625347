using Amazon.S3.Model;
using Workers.Build.Builds;
using Workers.Build.Data;
using Workers.Build.Tests.Infrastructure;
using Workers.TaskManager;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.References;

namespace Workers.Build.Tests.Worker;

// A build's sourceFile is a reference like any other: the TaskManager refuses one outside the build worker's
// uploads before the handler runs, so nothing is read, nothing is built and no build record is written.
public sealed class ForeignSourceTests : BuildWorkerTest
{
    public static TheoryData<string, string, string> ForeignSources => new()
    {
        { "another bucket", "uploads/build/{id}/App.jsx", "the bucket is not the fleet's bucket" },
        { "the product worker's uploads", "uploads/product/{id}/App.jsx", "the key is not under uploads/build/" },
        { "the build worker's claim checks", "claim-checks/build/{id}.jsx", "the key is not under uploads/build/" },
        { "the bundles", "bundles/{id}.js", "the key is not under uploads/build/" },
        { "an encoded '..' segment", "uploads/build/%2E%2E/product/{id}/App.jsx", "percent-escape in the key decodes to a '.' or '..' path segment" },
    };

    [Theory]
    [MemberData(nameof(ForeignSources))]
    public async Task A_sourceFile_outside_the_build_workers_uploads_is_dead_lettered_at_once_and_never_built(string what, string keyPattern, string rule)
    {
        var id = Guid.NewGuid().ToString("N");
        var key = keyPattern.Replace("{id}", id, StringComparison.Ordinal);
        var bucket = what == "another bucket" ? $"foreign-{id[..12]}" : Stack.Bucket;
        if (bucket != Stack.Bucket)
        {
            await Stack.S3.PutBucketAsync(bucket, Cancellation);
        }

        // A source the fake build server would build: "hello".
        await Stack.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "hello" }, Cancellation);
        try
        {
            StartWorker();
            var buildId = NewBuildId();
            var taskId = await PublishAsync(new BuildBody(buildId, SourceFile: new StoredFile(bucket, key, 5)));

            var task = await WaitUntilFinishedAsync(taskId);

            Assert.Equal((TaskState.DeadLettered, 1), (task.Task.State, task.Task.Attempts));
            var error = Assert.Single(task.Errors);
            Assert.Equal(nameof(FailureKind.ForeignReference), error.Kind);
            Assert.Contains("The reference sourceFile ", error.Message, StringComparison.Ordinal);
            Assert.Contains(rule, error.Message, StringComparison.Ordinal);
            Assert.Null(await RecordAsync(buildId));
        }
        finally
        {
            await Stack.S3.DeleteObjectAsync(bucket, key, CancellationToken.None);
            if (bucket != Stack.Bucket)
            {
                await Stack.S3.DeleteBucketAsync(bucket, CancellationToken.None);
            }
        }
    }

    [Fact]
    public async Task A_sourceFile_under_the_build_workers_uploads_is_built()
    {
        var buildId = NewBuildId();
        var key = FleetKeys.Upload("build", buildId, "App.jsx");
        await Stack.S3.PutObjectAsync(new PutObjectRequest { BucketName = Stack.Bucket, Key = key, ContentBody = "hello" }, Cancellation);
        try
        {
            StartWorker();
            var taskId = await PublishAsync(new BuildBody(buildId, SourceFile: new StoredFile(Stack.Bucket, key, 5)));

            var task = await WaitUntilFinishedAsync(taskId);

            Assert.Equal(TaskState.Succeeded, task.Task.State);
            Assert.Equal(BuildStatus.Succeeded, (await RecordAsync(buildId))!.Status);
        }
        finally
        {
            await Stack.S3.DeleteObjectAsync(Stack.Bucket, key, CancellationToken.None);
        }
    }
}
