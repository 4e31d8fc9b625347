using System.Collections.Concurrent;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workers.TaskManager.Consuming;
using Workers.TaskManager.Tests.Infrastructure;

namespace Workers.TaskManager.Tests;

public sealed class ForeignBodyRefTests : TaskManagerTest
{
    // A valid echo body is put at each foreign location; if the worker read it, this would reach the handler
    // (Script.Calls) or the dead-letter reason.
    private const string Secret = "FOREIGN-BODY-4f1c9e";

    // Every object the worker host's S3 client is asked for, recorded before the request is sent.
    private readonly ConcurrentQueue<string> _reads = new();

    public static TheoryData<string, string, string> ForeignReferences => new()
    {
        { "another bucket", "claim-checks/test/{id}.json", "the bucket is not the fleet's bucket" },
        { "another worker's claim checks", "claim-checks/product/{id}.json", "the key is not under claim-checks/test/" },
        { "this worker's uploads", "uploads/test/{id}/body.json", "the key is not under claim-checks/test/" },
        { "an unrelated prefix", "bundles/{id}.json", "the key is not under claim-checks/test/" },
        { "a '..' segment", "claim-checks/test/../product/{id}.json", "'..' path segment" },
        { "an encoded '..' segment", "claim-checks/test/%2e%2e/product/{id}.json", "percent-escape in the key decodes to a '.' or '..' path segment" },
        { "a leading slash", "/claim-checks/test/{id}.json", "empty path segment" },
        { "a double slash", "claim-checks/test//{id}.json", "empty path segment" },
        { "backslashes", "claim-checks/test\\..\\product\\{id}.json", "backslash" },
        { "a control character", "claim-checks/test/{id}\u0007.json", "control or invisible character" },
        { "an over-long key", "claim-checks/test/{id}" + new string('a', 600) + ".json", "at most 512 are accepted" },
    };

    [Theory]
    [MemberData(nameof(ForeignReferences))]
    public async Task A_bodyRef_outside_this_workers_claim_checks_is_dead_lettered_at_once_and_never_read(string what, string keyPattern, string rule)
    {
        var id = Guid.NewGuid().ToString("N");
        var key = keyPattern.Replace("{id}", id, StringComparison.Ordinal);
        var bucket = what == "another bucket" ? await CreateForeignBucketAsync(id) : Stack.Bucket;
        var stored = await TryPutValidBodyAsync(bucket, key);
        var host = await StartCountingHostAsync();
        try
        {
            var envelope = JsonSerializer.Serialize(new { type = "echo", bodyRef = new { bucket, key, size = 64 } });

            var sent = await Queues.SendRawAsync(envelope);
            var dead = Assert.Single(await Queues.ReceiveAsync(Queues.DeadLetterUrl, 1, Patience));

            using var failure = JsonDocument.Parse(dead.MessageAttributes[DeadLetterMessages.FailureAttribute].StringValue);
            var reason = failure.RootElement.GetProperty("reason").GetString()!;
            Assert.Equal(nameof(FailureKind.ForeignReference), failure.RootElement.GetProperty("kind").GetString());
            Assert.Equal(1, failure.RootElement.GetProperty("receiveCount").GetInt32());
            Assert.Equal(sent.MessageId, failure.RootElement.GetProperty("messageId").GetString());
            Assert.Contains("The reference bodyRef ", reason, StringComparison.Ordinal);
            Assert.Contains(rule, reason, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, reason, StringComparison.Ordinal);
            Assert.True(reason.Length < 500, reason);
            Assert.Empty(Script.Calls);
            Assert.Empty(_reads);
            var error = Assert.Single(await ErrorsAsync(), e => e.MessageId == sent.MessageId);
            Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync(Cancellation);
            if (stored)
            {
                await Stack.S3.DeleteObjectAsync(bucket, key, Cancellation);
            }

            if (bucket != Stack.Bucket)
            {
                await Stack.S3.DeleteBucketAsync(bucket, Cancellation);
            }
        }
    }

    [Fact]
    public async Task A_bodyRef_under_this_workers_claim_checks_is_read_as_before()
    {
        var handled = new TaskCompletionSource<Echo>(TaskCreationOptions.RunContinuationsAsynchronously);
        Script.Behavior = (task, _) =>
        {
            handled.SetResult(task.Body);
            return Task.CompletedTask;
        };
        var key = $"claim-checks/test/{Guid.NewGuid():N}.json";
        await Stack.S3.PutObjectAsync(new PutObjectRequest { BucketName = Stack.Bucket, Key = key, ContentBody = """{"text":"stored by a producer"}""" }, Cancellation);
        await StartCountingHostAsync();

        await Queues.SendRawAsync(JsonSerializer.Serialize(new { type = "echo", bodyRef = new { bucket = Stack.Bucket, key, size = 30 } }));

        Assert.Equal("stored by a producer", (await handled.Task.WaitAsync(Patience, Cancellation)).Text);
        Assert.Equal([key], _reads);
        await Stack.S3.DeleteObjectAsync(Stack.Bucket, key, Cancellation);
    }

    private async Task<IHost> StartCountingHostAsync()
    {
        var host = CreateHost(settings: QueueSettings());
        var s3 = (AmazonServiceClient)host.Services.GetRequiredService<IAmazonS3>();
        s3.BeforeRequestEvent += (_, e) =>
        {
            if (e is WebServiceRequestEventArgs { Request: GetObjectRequest get })
            {
                _reads.Enqueue(get.Key);
            }
        };
        await host.StartAsync(Cancellation);
        return host;
    }

    private async Task<string> CreateForeignBucketAsync(string id)
    {
        var bucket = $"foreign-{id[..12]}";
        await Stack.S3.PutBucketAsync(bucket, Cancellation);
        return bucket;
    }

    // Where S3 takes the key (the emulator may refuse the odd ones), a valid body waits there to be misread.
    private async Task<bool> TryPutValidBodyAsync(string bucket, string key)
    {
        try
        {
            await Stack.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = $$"""{"text":"{{Secret}}"}""" }, Cancellation);
            return true;
        }
        catch (AmazonS3Exception)
        {
            return false;
        }
    }
}
