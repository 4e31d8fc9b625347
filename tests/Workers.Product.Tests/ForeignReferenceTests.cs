using System.Text.Json;
using Amazon.S3.Model;
using Workers.Product.CsvStock;
using Workers.Product.Tests.Infrastructure;
using Workers.TaskManager;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;

namespace Workers.Product.Tests;

// References and bodies are checked by the TaskManager before a handler runs: a csvStock file outside the
// product worker's uploads or an updateStock body with a null item never reaches the stock tables.
public sealed class ForeignReferenceTests : ProductWorkerTest
{
    // What the foreign objects would set SKU-0001's level to, if anything read them.
    private const int Planted = 777;
    private const int Before = 10;

    public static TheoryData<string, string, string> ForeignFiles => new()
    {
        { "another bucket", "uploads/product/{id}/stock.csv", "the bucket is not the fleet's bucket" },
        { "the build worker's uploads", "uploads/build/{id}/stock.csv", "the key is not under uploads/product/" },
        { "the product worker's claim checks", "claim-checks/product/{id}.csv", "the key is not under uploads/product/" },
        { "an unrelated prefix", "exports/{id}/stock.csv", "the key is not under uploads/product/" },
        { "a '..' segment", "uploads/product/{id}/../../build/stock.csv", "'..' path segment" },
    };

    [Theory]
    [MemberData(nameof(ForeignFiles))]
    public async Task A_csvStock_file_outside_the_product_workers_uploads_is_dead_lettered_at_once_and_changes_no_rows(string what, string keyPattern, string rule)
    {
        await SeedAsync();
        var id = Guid.NewGuid().ToString("N");
        var key = keyPattern.Replace("{id}", id, StringComparison.Ordinal);
        var bucket = what == "another bucket" ? $"foreign-{id[..12]}" : Stack.Bucket;
        if (bucket != Stack.Bucket)
        {
            await Stack.S3.PutBucketAsync(bucket, Cancellation);
        }

        await Stack.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = $"store,sku,quantity\nS001,SKU-0001,{Planted}\n" }, Cancellation);
        try
        {
            StartWorker();
            var taskId = await PublishAsync("csvStock", new CsvStockBody(new StoredFile(bucket, key, Rows: 1)));

            var progress = await WaitUntilFinishedAsync(taskId);

            Assert.Equal((TaskState.DeadLettered, 1), (progress.Task.State, progress.Task.Attempts));
            var error = Assert.Single(progress.Errors);
            Assert.Equal(nameof(FailureKind.ForeignReference), error.Kind);
            Assert.Contains("The reference file ", error.Message, StringComparison.Ordinal);
            Assert.Contains(rule, error.Message, StringComparison.Ordinal);
            // Nothing of the object's content: its SKU, or its row. (Not the bare number: the key's random hex may hold it.)
            Assert.DoesNotContain("SKU-0001", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain($",{Planted}", error.Message, StringComparison.Ordinal);
            Assert.Equal(Before, (await LevelsAsync())[("S001", "SKU-0001")]);
            Assert.Empty(await MovementsAsync());
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
    public async Task An_updateStock_bodyRef_to_another_bucket_holding_a_valid_body_is_dead_lettered_and_applies_nothing()
    {
        await SeedAsync();
        var bucket = $"foreign-{Guid.NewGuid().ToString("N")[..12]}";
        var key = $"claim-checks/product/{Guid.NewGuid():N}.json";
        await Stack.S3.PutBucketAsync(bucket, Cancellation);
        await Stack.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = """{"storeCode":"S001","items":[{"sku":"SKU-0001","delta":1000}]}""" }, Cancellation);
        try
        {
            StartWorker();
            var taskId = Guid.NewGuid().ToString();
            await Queues.SendRawAsync(JsonSerializer.Serialize(new { taskId, type = "updateStock", bodyRef = new { bucket, key, size = 64 } }));

            var progress = await WaitUntilFinishedAsync(taskId);

            Assert.Equal((TaskState.DeadLettered, 1), (progress.Task.State, progress.Task.Attempts));
            var error = Assert.Single(progress.Errors);
            Assert.Equal(nameof(FailureKind.ForeignReference), error.Kind);
            Assert.Contains("The reference bodyRef ", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("SKU-0001", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\"delta\"", error.Message, StringComparison.Ordinal);
            Assert.Equal(Before, (await LevelsAsync())[("S001", "SKU-0001")]);
        }
        finally
        {
            await Stack.S3.DeleteObjectAsync(bucket, key, CancellationToken.None);
            await Stack.S3.DeleteBucketAsync(bucket, CancellationToken.None);
        }
    }

    [Theory]
    [InlineData("""{"storeCode":"S001","items":[null]}""", "items[0]: must not be null")]
    [InlineData("""{"storeCode":"S001","items":[{"sku":"SKU-0001","delta":5},{"sku":"SKU-0001","delta":5},null]}""", "items[2]: must not be null")]
    [InlineData("""{"storeCode":"S001","items":[{"sku":"SKU-0001","delta":5},{"sku":null,"delta":5}]}""", "items[1].sku: must not be null")]
    [InlineData("""{"storeCode":"S001","items":[{"sku":"","delta":5}]}""", "items[0].sku: The sku field is required.")]
    public async Task An_updateStock_body_with_a_null_item_or_member_is_dead_lettered_at_once_with_its_path(string body, string expected)
    {
        await SeedAsync();
        StartWorker();
        using var json = JsonDocument.Parse(body);

        var taskId = await PublishAsync(new TaskMessage("updateStock", json.RootElement.Clone(), GroupId: "g"));
        var progress = await WaitUntilFinishedAsync(taskId);

        Assert.Equal((TaskState.DeadLettered, 1), (progress.Task.State, progress.Task.Attempts));
        var error = Assert.Single(progress.Errors);
        Assert.Equal(nameof(FailureKind.InvalidBody), error.Kind);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(Before, (await LevelsAsync())[("S001", "SKU-0001")]);
    }

    private async Task SeedAsync()
    {
        await using var db = ProductDb();
        await Catalog.SeedAsync(db, ["S001"], ["SKU-0001"], new Dictionary<(string, string), int> { [("S001", "SKU-0001")] = Before }, Cancellation);
    }
}
