using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Workers.Fleet;
using Workers.TaskManager.Outages;
using Workers.TaskManager.Persistence.Tables;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Outbox;

// Publishes this worker's outbox: the rows its steps committed, and the rows code outside a worker wrote for it.
// One round = one transaction: take the worker's advisory lock (one publisher per worker at a time keeps each
// group in order), lock the due rows in id order, publish them with their own task ids (stable deduplication
// ids), mark them sent, commit. A crash between publish and commit publishes them again later: SQS drops the
// repeat within its 5-minute deduplication window, the receiver's task record and step ledger after it.
// Registered before the consumer, so it stops after it and publishes the follow-ups of the last chunks.
internal sealed class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    OutboxPublisher publisher,
    FleetWorker worker,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    // A due row that the round could not take (locked by a cancel in flight) is looked at again after this.
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(50);

    private readonly CancellationTokenSource _abort = new();
    private readonly OutboxOptions _options = options.Value;
    private int _notified;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // A round in progress finishes (its publish is not cut off half-way) unless the host's own stop timeout ends.
        await using var abort = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        await Task.Yield();
        Log.OutboxStarted(logger, worker.Name, _options.PollInterval);
        NpgsqlConnection? listener = null;
        string? waitingFor = null;
        var failures = 0;
        var nextCleanup = time.GetUtcNow() + _options.CleanupInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                listener ??= await ListenAsync(stoppingToken);
                var round = await publisher.RunRoundAsync(_abort.Token);
                if (waitingFor is not null)
                {
                    Log.OutboxDependencyBack(logger, waitingFor);
                    waitingFor = null;
                }

                failures = 0;
                if (time.GetUtcNow() >= nextCleanup)
                {
                    await publisher.DeleteSentAsync(_abort.Token);
                    nextCleanup = time.GetUtcNow() + _options.CleanupInterval;
                }

                if (round == OutboxRound.Full)
                {
                    continue;
                }

                var wait = await publisher.UntilNextDueAsync(_abort.Token);
                await WaitAsync(listener, round == OutboxRound.Busy ? Max(wait, _options.RetryBaseDelay) : Max(wait, MinimumWait), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                if (listener is not null)
                {
                    await listener.DisposeAsync();
                    listener = null;
                }

                // An outage (PostgreSQL down or restarting, SQS throttling) is waited out: the rows are safe in the
                // table, and the loop resumes where it stopped once the dependency answers.
                var delay = Backoff(++failures);
                var dependency = DependencyFailures.DependencyOf(e, out _) ?? DependencyFailures.Suspected(e);
                if (dependency is not null)
                {
                    waitingFor = dependency;
                    Log.OutboxWaiting(logger, e, dependency, delay);
                }
                else
                {
                    Log.OutboxFailed(logger, e, delay);
                }

                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        if (listener is not null)
        {
            await listener.DisposeAsync();
        }

        Log.OutboxStopped(logger, await FlushAsync());
    }

    // After the consumer drained: what its last chunks enqueued is due now; publish it while the flush time lasts.
    private async Task<int> FlushAsync()
    {
        using var flush = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        flush.CancelAfter(_options.ShutdownFlushTimeout);
        var published = 0;
        try
        {
            OutboxRound round;
            do
            {
                var before = publisher.Published;
                round = await publisher.RunRoundAsync(flush.Token);
                published += (int)(publisher.Published - before);
            }
            while (round == OutboxRound.Full);
        }
        catch (Exception e) when (e is OperationCanceledException || DependencyFailures.DependencyOf(e, out _) is not null)
        {
            // Left for the next process of this worker: nothing is lost, it is only later.
        }

        return published;
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            connection.Notification += (_, e) =>
            {
                if (e.Payload == worker.Name)
                {
                    Volatile.Write(ref _notified, 1);
                }
            };
            await using var listen = new NpgsqlCommand($"LISTEN {OutboxTable.Channel}", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken);

            // Rows committed before LISTEN took effect sent their NOTIFY to no one: look once without waiting.
            Volatile.Write(ref _notified, 1);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // Until a notification for this worker, or `wait`. Notifications that came during the round are read here
    // first, so a row committed while the round ran is not left for the poll.
    private async Task WaitAsync(NpgsqlConnection listener, TimeSpan wait, CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        while (Interlocked.Exchange(ref _notified, 0) == 0)
        {
            // Whole milliseconds, rounded up: Npgsql takes 0 as "wait forever".
            var left = (int)Math.Ceiling((wait - clock.Elapsed).TotalMilliseconds);
            if (left <= 0)
            {
                return;
            }

            await listener.WaitAsync(left, stoppingToken);
        }
    }

    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(_options.RetryMaxDelay.Ticks, _options.RetryBaseDelay.Ticks << Math.Min(failures - 1, 20)));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
