using Amazon.S3;
using Microsoft.Extensions.Logging;
using Workers.Domain;
using Workers.Domain.Ledger;
using Workers.TaskManager;

namespace Workers.Product.CsvStock;

// csvStock: sets stock levels from a CSV in S3 (header store,sku,quantity), streamed into chunks of the task
// type's size, each applied set-based in one transaction. A retry after a crash reads the file again and skips
// the chunks already committed. Bad rows are rejected by line number; the rest of the file still applies.
internal sealed class CsvStockHandler(PosDbContext db, StockLedger ledger, IAmazonS3 s3, ILogger<CsvStockHandler> logger)
    : ITaskHandler<CsvStockBody>
{
    public async Task HandleAsync(TaskContext<CsvStockBody> task, CancellationToken cancellationToken)
    {
        var file = task.Body.File;
        using var csv = await StockCsvFile.OpenAsync(s3, file, cancellationToken);
        var import = new StockLevelImport(db, ledger, task.Info);
        var result = await task.ProcessItemsAsync(csv.ReadRowsAsync(cancellationToken), import.ApplyAsync, file.Rows, cancellationToken);
        Log.StockImported(logger, file.Bucket, file.Key, result.Items, result.Chunks, result.ItemsRejected, result.ChunksSkipped);
    }
}
