using System.Text;
using Amazon.S3.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workers.Domain;
using Workers.Domain.Stock;
using Workers.TaskManager;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.References;
using Workers.Testing;

namespace Workers.Product.Tests.Infrastructure;

// Base of the product worker's tests: the shared part (own queue and database, the real worker as child
// processes, publishing and following tasks) is WorkerProcessTest's; here are the product's stock data, its
// CSV uploads and the task ledger.
public abstract class ProductWorkerTest() : WorkerProcessTest("product", "Workers.Product")
{
    private readonly List<string> _uploads = [];

    protected override TestMigrations Migrations => ProductMigrations.Template;

    public override async ValueTask DisposeAsync()
    {
        // After the workers are stopped (base), so none of them still reads an upload as it goes.
        await base.DisposeAsync();
        foreach (var key in _uploads)
        {
            await Stack.S3.DeleteObjectAsync(Stack.Bucket, key, CancellationToken.None);
        }
    }

    protected async Task<List<TaskStepRecord>> LedgerAsync(string taskId)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskStoreDbContext>();
        return await db.Steps.AsNoTracking().Where(s => s.TaskId == taskId).ToListAsync(Cancellation);
    }

    private protected PosDbContext ProductDb() => ProductMigrations.Pos(Database.ConnectionString);

    // Stock levels by store code and SKU.
    protected async Task<Dictionary<(string Store, string Sku), int>> LevelsAsync()
    {
        await using var db = ProductDb();
        return await db.LevelsAsync(Cancellation);
    }

    private protected async Task<List<(string Store, string Sku, StockMovement Movement)>> MovementsAsync()
    {
        await using var db = ProductDb();
        return await db.MovementsAsync(Cancellation);
    }

    // Puts a stock CSV where the CLI would (the only place the worker reads files from), under a key of this
    // test's; deleted when the test ends.
    protected async Task<StoredFile> UploadCsvAsync(string content, long rows)
    {
        var key = FleetKeys.Upload("product", $"test-{Guid.NewGuid():N}", "stock.csv");
        _uploads.Add(key);
        await Stack.S3.PutObjectAsync(new PutObjectRequest { BucketName = Stack.Bucket, Key = key, ContentBody = content, ContentType = "text/csv" }, Cancellation);
        return new StoredFile(Stack.Bucket, key, Encoding.UTF8.GetByteCount(content), rows);
    }
}
