using Microsoft.Extensions.Logging;

namespace Workers.Item;

// Every log line the item worker writes. Task identifiers come from the TaskManager's per-message scope.
internal static partial class Log
{
    [LoggerMessage(3100, LogLevel.Information, "Created items: {Items} item(s), {Rejected} rejected or skipped in this attempt, {ChunksSkipped} chunk(s) already applied by an earlier attempt")]
    public static partial void ItemsCreated(ILogger logger, long items, long rejected, int chunksSkipped);

    [LoggerMessage(3101, LogLevel.Information, "Updated items: {Items} update(s), {Rejected} rejected in this attempt, {ChunksSkipped} chunk(s) already applied by an earlier attempt")]
    public static partial void ItemsUpdated(ILogger logger, long items, long rejected, int chunksSkipped);

    [LoggerMessage(3102, LogLevel.Information, "Stored Myca prices: {Items} price(s), {Applied} item row(s) took a newer price, {Rejected} rejected in this attempt, {ChunksSkipped} chunk(s) already applied by an earlier attempt")]
    public static partial void MycaPricesStored(ILogger logger, long items, long applied, long rejected, int chunksSkipped);
}
