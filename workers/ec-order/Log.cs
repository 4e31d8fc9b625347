using Microsoft.Extensions.Logging;

namespace Workers.EcOrder;

// Every log line the ec-order worker writes. Task identifiers come from the TaskManager's per-message scope.
internal static partial class Log
{
    [LoggerMessage(3500, LogLevel.Information, "Cancelled {Platform} order {OrderId} of store {StoreCode}, unpaid at its payment deadline {Deadline}: {Lines} line(s) of stock restored, {Notices} notice(s) to the customer")]
    public static partial void OrderCancelled(ILogger logger, string platform, string orderId, string storeCode, DateTimeOffset deadline, int lines, int notices);

    [LoggerMessage(3501, LogLevel.Information, "Payment deadline of {Platform} order {OrderId} of store {StoreCode}: left alone, {Reason}")]
    public static partial void OrderLeftAlone(ILogger logger, string platform, string orderId, string storeCode, string reason);

    [LoggerMessage(3502, LogLevel.Error, "Restoring the stock of {Platform} order {OrderId} was refused for product {ProductId}: {Reason}")]
    public static partial void StockNotRestored(ILogger logger, string platform, string orderId, int productId, string? reason);
}
