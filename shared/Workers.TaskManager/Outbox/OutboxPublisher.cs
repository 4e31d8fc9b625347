using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Workers.Fleet;
using Workers.TaskManager.Persistence.Tables;
using Workers.TaskManager.Publishing;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Outbox;

// One publishing round of the dispatcher, and its other statements (next due time, cleanup).
internal sealed class OutboxPublisher(
    NpgsqlDataSource dataSource,
    ITaskPublisher publisher,
    FleetWorker worker,
    IOptions<OutboxOptions> options,
    TaskManagerMetrics metrics,
    ILogger<OutboxPublisher> logger)
{
    private readonly OutboxOptions _options = options.Value;
    private long _published;

    public long Published => Interlocked.Read(ref _published);

    public async Task<OutboxRound> RunRoundAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var tryLock = OutboxTable.TryLock(connection, transaction, worker.Name))
        {
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is not true)
            {
                await transaction.CommitAsync(cancellationToken);
                return OutboxRound.Busy;
            }
        }

        var rows = new List<OutboxRow>();
        await using (var select = OutboxTable.SelectDue(connection, transaction, worker.Name, _options.BatchSize))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(OutboxTable.ReadRow(reader));
            }
        }

        if (rows.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return OutboxRound.Done;
        }

        Failpoints.Hit(Failpoints.OutboxBeforePublish);
        var sent = new List<long>(rows.Count);
        var failed = new List<(long Id, string Error)>();
        foreach (var target in rows.GroupBy(r => r.Target, StringComparer.Ordinal))
        {
            await PublishAsync(target.Key, [.. target], sent, failed, cancellationToken);
        }

        Failpoints.Hit(Failpoints.OutboxAfterPublish);
        if (sent.Count > 0)
        {
            await using var mark = OutboxTable.MarkSent(connection, transaction, sent);
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        if (failed.Count > 0)
        {
            await using var record = OutboxTable.RecordFailures(connection, transaction, failed, _options.RetryBaseDelay, _options.RetryMaxDelay);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (sent.Count > 0)
        {
            // After the commit: a reader of this line finds the rows marked sent.
            Log.OutboxPublished(logger, sent.Count, string.Join(", ", rows.Select(r => r.Target).Distinct(StringComparer.Ordinal)));
        }

        Interlocked.Add(ref _published, sent.Count);
        metrics.Outbox(sent.Count, failed.Count);
        return rows.Count == _options.BatchSize && failed.Count == 0 ? OutboxRound.Full : OutboxRound.Done;
    }

    // How long until the next row is due, at most the poll interval.
    public async Task<TimeSpan> UntilNextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var next = OutboxTable.SecondsUntilNextDue(connection, worker.Name);
        return await next.ExecuteScalarAsync(cancellationToken) is double seconds
            ? TimeSpan.FromSeconds(Math.Clamp(seconds, 0, _options.PollInterval.TotalSeconds))
            : _options.PollInterval;
    }

    public async Task DeleteSentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = 0;
        int deleted;
        do
        {
            await using var delete = OutboxTable.DeleteSent(connection, worker.Name, _options.Retention, _options.CleanupBatchSize);
            deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == _options.CleanupBatchSize);

        if (total > 0)
        {
            Log.OutboxCleaned(logger, total, _options.Retention);
        }
    }

    private async Task PublishAsync(string target, List<OutboxRow> rows, List<long> sent, List<(long, string)> failed, CancellationToken cancellationToken)
    {
        var messages = rows.Select(r => new TaskMessage(r.TaskType, JsonSerializer.Deserialize<JsonElement>(r.Body), r.GroupId, r.TaskId, TraceParent: r.TraceParent)).ToList();
        try
        {
            await publisher.PublishBatchAsync(target, messages, cancellationToken);
            sent.AddRange(rows.Select(r => r.Id));
        }
        catch (TaskPublishException e)
        {
            var published = e.Published.Select(p => p.TaskId).ToHashSet(StringComparer.Ordinal);
            var reasons = e.Failures.ToDictionary(f => f.TaskId, f => $"{f.Code}: {f.Reason}", StringComparer.Ordinal);
            foreach (var row in rows)
            {
                if (published.Contains(row.TaskId))
                {
                    sent.Add(row.Id);
                }
                else
                {
                    failed.Add((row.Id, reasons.GetValueOrDefault(row.TaskId, e.Message)));
                }
            }

            Log.OutboxPublishFailed(logger, null, e.Failures.Count, target, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nothing is known to be sent (an SQS outage, a missing queue): every row stays and backs off.
            failed.AddRange(rows.Select(r => (r.Id, $"{e.GetType().Name}: {e.Message}")));
            Log.OutboxPublishFailed(logger, e, rows.Count, target, e.Message);
        }
    }
}
