using Microsoft.Extensions.Logging;

namespace Workers.Scheduled;

// Every log line the scheduled worker writes. Task identifiers come from the TaskManager's per-message scope.
internal static partial class Log
{
    [LoggerMessage(3700, LogLevel.Information, "Sale statuses as of {Now}: {Candidates} sale(s) looked at, {Changed} changed, {Rejected} rejected in this attempt, {ChunksSkipped} chunk(s) already applied by an earlier attempt")]
    public static partial void SalesUpdated(ILogger logger, DateTimeOffset now, long candidates, long changed, long rejected, int chunksSkipped);

    [LoggerMessage(3701, LogLevel.Information, "Set deal statuses for {Today}: {Candidates} deal(s) looked at, {Changed} changed, {ChunksSkipped} chunk(s) already applied by an earlier attempt")]
    public static partial void SetDealsUpdated(ILogger logger, DateOnly today, long candidates, long changed, int chunksSkipped);

    [LoggerMessage(3702, LogLevel.Information, "Bundle statuses for {Today}: {Candidates} bundle(s) looked at, {Changed} changed, {Rejected} rejected in this attempt, {ChunksSkipped} chunk(s) already applied by an earlier attempt")]
    public static partial void BundlesUpdated(ILogger logger, DateOnly today, long candidates, long changed, long rejected, int chunksSkipped);
}
