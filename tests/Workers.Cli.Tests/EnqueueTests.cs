using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Workers.Cli.Tests.Infrastructure;

namespace Workers.Cli.Tests;

public sealed class EnqueueTests : CliTest
{
    [Fact]
    public async Task Enqueue_puts_a_well_formed_envelope_on_the_worker_s_queue()
    {
        var run = await RunAsync("enqueue", "product", "updateStock", "--body", """{"items":[{"sku":"a-1","quantity":3}]}""");

        Assert.Equal(0, run.ExitCode);
        var taskId = run.Value("task id");
        var message = Assert.Single(await Queues.ReceiveAsync(Queues.QueueUrl, 1, Patience));
        Assert.Equal(run.Value("message id"), message.MessageId);
        using var envelope = JsonDocument.Parse(message.Body);
        Assert.Equal(taskId, envelope.RootElement.GetProperty("taskId").GetString());
        Assert.Equal("updateStock", envelope.RootElement.GetProperty("type").GetString());
        Assert.Equal("""{"items":[{"sku":"a-1","quantity":3}]}""", envelope.RootElement.GetProperty("body").GetRawText());

        // The task type is the default group; the CLI names every task, so the task id is the deduplication key.
        Assert.Equal("updateStock", message.Attributes["MessageGroupId"]);
        Assert.Equal(Sha256Hex("task\n" + taskId), message.Attributes["MessageDeduplicationId"]);
    }

    [Fact]
    public async Task Enqueue_takes_the_group_task_id_and_body_file_it_is_given()
    {
        var bodyFile = Path.Combine(Path.GetTempPath(), $"body-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(bodyFile, """{ "items": [ { "sku": "b-2", "quantity": -1 } ] }""", Cancellation);
        var taskId = $"restock-{Guid.NewGuid():N}";

        var run = await RunAsync("enqueue", "product", "updateStock", "--body-file", bodyFile, "--group", "store-42", "--task-id", taskId);

        File.Delete(bodyFile);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(taskId, run.Value("task id"));
        var message = Assert.Single(await Queues.ReceiveAsync(Queues.QueueUrl, 1, Patience));
        using var envelope = JsonDocument.Parse(message.Body);
        Assert.Equal(taskId, envelope.RootElement.GetProperty("taskId").GetString());
        Assert.Equal("b-2", envelope.RootElement.GetProperty("body").GetProperty("items")[0].GetProperty("sku").GetString());
        Assert.Equal("store-42", message.Attributes["MessageGroupId"]);
    }

    [Fact]
    public async Task Enqueue_file_uploads_the_csv_counts_its_rows_and_references_it_in_the_body()
    {
        // 100,000 plain rows, one whose quoted field holds a line break, and a trailing blank line.
        const int plainRows = 100_000;
        var csv = Path.Combine(Path.GetTempPath(), $"stock-{Guid.NewGuid():N}.csv");
        await using (var writer = new StreamWriter(csv))
        {
            await writer.WriteLineAsync("sku,quantity");
            for (var i = 0; i < plainRows; i++)
            {
                await writer.WriteLineAsync($"sku-{i},{i % 50}");
            }

            await writer.WriteLineAsync("\"sku, with \"\"quotes\"\"\nand a line break\",7");
            await writer.WriteLineAsync();
        }

        var run = await RunAsync("enqueue", "product", "csvStock", "--file", csv);

        var size = new FileInfo(csv).Length;
        var content = await File.ReadAllBytesAsync(csv, Cancellation);
        File.Delete(csv);
        Assert.Equal(0, run.ExitCode);
        var taskId = run.Value("task id");
        var message = Assert.Single(await Queues.ReceiveAsync(Queues.QueueUrl, 1, Patience));
        using var envelope = JsonDocument.Parse(message.Body);
        var file = envelope.RootElement.GetProperty("body").GetProperty("file");
        var key = $"uploads/product/{taskId}/{Path.GetFileName(csv)}";
        Assert.Equal(Stack.Bucket, file.GetProperty("bucket").GetString());
        Assert.Equal(key, file.GetProperty("key").GetString());
        Assert.Equal(size, file.GetProperty("size").GetInt64());
        Assert.Equal(plainRows + 1, file.GetProperty("rows").GetInt64());

        using var stored = await Stack.S3.GetObjectAsync(Stack.Bucket, key, Cancellation);
        using var downloaded = new MemoryStream();
        await stored.ResponseStream.CopyToAsync(downloaded, Cancellation);
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(downloaded.ToArray()));
        await Stack.S3.DeleteObjectAsync(Stack.Bucket, key, Cancellation);
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
