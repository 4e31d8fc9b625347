using Microsoft.Extensions.Logging;

namespace Workers.Product;

// Every log line the product worker writes. Task identifiers come from the TaskManager's per-message scope.
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Information, "Updated stock of store {StoreCode}: {Items} item(s), {Rejected} rejected in this attempt, {ChunksSkipped} chunk(s) already applied by an earlier attempt")]
    public static partial void StockUpdated(ILogger logger, string storeCode, long items, long rejected, int chunksSkipped);

    [LoggerMessage(3001, LogLevel.Information, "Imported stock levels from s3://{Bucket}/{Key}: {Rows} row(s) in {Chunks} chunk(s), {Rejected} rejected in this attempt, {ChunksSkipped} chunk(s) already applied by an earlier attempt")]
    public static partial void StockImported(ILogger logger, string bucket, string key, long rows, int chunks, long rejected, int chunksSkipped);

    [LoggerMessage(3002, LogLevel.Information, "Received stock into store {StoreCode}: {Lines} line(s), {Rejected} rejected in this attempt, {ChunksSkipped} chunk(s) already applied by an earlier attempt")]
    public static partial void StockReceived(ILogger logger, string storeCode, long lines, long rejected, int chunksSkipped);
}
