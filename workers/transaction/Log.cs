using Microsoft.Extensions.Logging;

namespace Workers.Transaction;

// Every log line the transaction worker writes. Task identifiers come from the TaskManager's per-message scope.
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Information, "Recorded register transactions: {Items} item(s), {Rejected} rejected and {Duplicates} already recorded in this attempt, {ChunksSkipped} chunk(s) already applied by an earlier attempt")]
    public static partial void TransactionsCreated(ILogger logger, long items, long rejected, int duplicates, int chunksSkipped);

    [LoggerMessage(4001, LogLevel.Information, "Changed register transactions: {Items} change(s), {Rejected} rejected and {Unchanged} already in their state in this attempt, {ChunksSkipped} chunk(s) already applied by an earlier attempt")]
    public static partial void TransactionsChanged(ILogger logger, long items, long rejected, int unchanged, int chunksSkipped);
}
