using Microsoft.Extensions.Logging;

namespace Workers.ExternalEc;

// Every log line the external-ec worker writes. Task identifiers come from the TaskManager's per-message scope.
internal static partial class Log
{
    [LoggerMessage(3300, LogLevel.Information, "Imported Ochanoko order {OrderId} of store {StoreCode}: {Lines} line(s), status {Status}")]
    public static partial void OrderImported(ILogger logger, string orderId, string storeCode, int lines, string status);

    [LoggerMessage(3301, LogLevel.Information, "Ochanoko order {OrderId} of store {StoreCode} is already imported; {Action}")]
    public static partial void OrderAlreadyImported(ILogger logger, string orderId, string storeCode, string action);

    [LoggerMessage(3302, LogLevel.Warning, "Ochanoko order {OrderId} of store {StoreCode} was not imported: {Reason}; a notice went to {Recipients} recipient(s)")]
    public static partial void OrderNotImported(ILogger logger, string orderId, string storeCode, string reason, int recipients);

    [LoggerMessage(3303, LogLevel.Information, "Ochanoko order {OrderId} of store {StoreCode} is cancelled on Ochanoko; nothing imported")]
    public static partial void OrderCancelled(ILogger logger, string orderId, string storeCode);

    [LoggerMessage(3304, LogLevel.Information, "Pushed {Kind} of store {StoreCode} to Ochanoko: {Items} item(s), {Rejected} rejected in this attempt, {ChunksSkipped} chunk(s) already pushed by an earlier attempt")]
    public static partial void ProductsPushed(ILogger logger, string kind, string storeCode, long items, long rejected, int chunksSkipped);

    [LoggerMessage(3305, LogLevel.Information, "Ochanoko order {OrderId} of store {StoreCode}: {Outcome}")]
    public static partial void OrderCancelledOnOchanoko(ILogger logger, string orderId, string storeCode, string outcome);

    [LoggerMessage(3306, LogLevel.Error, "Ochanoko refused to cancel order {OrderId} of store {StoreCode}, which is paid there: {Answer}. The POS cancelled it and restored its stock; refund the payment by hand")]
    public static partial void OrderCancelRefused(ILogger logger, string orderId, string storeCode, string answer);

    [LoggerMessage(3310, LogLevel.Information, "EC sync: {Rows} pending change(s) became {Tasks} task(s) for {Stores} store(s); {Dropped} dropped for stores without an Ochanoko shop")]
    public static partial void SyncDrained(ILogger logger, int rows, int tasks, int stores, int dropped);

    [LoggerMessage(3311, LogLevel.Warning, "EC sync round failed; trying again in {Delay}")]
    public static partial void SyncFailed(ILogger logger, Exception exception, TimeSpan delay);
}
