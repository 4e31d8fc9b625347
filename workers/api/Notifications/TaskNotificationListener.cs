using System.Collections.Concurrent;
using Npgsql;
using Workers.TaskManager.Persistence;

namespace Workers.Api.Notifications;

// One LISTEN connection for the whole API, shared by every long poll: a connection per waiting request (what
// TaskWatcher gives a CLI) would let a few hundred waiting clients exhaust PostgreSQL's connections. Waiters
// register a task id and are woken when the TaskManager notifies it (or a batch, "*"). When the connection
// drops, every waiter is woken, since notifications may have been missed, and it reconnects with backoff.
internal sealed class TaskNotificationListener(NpgsqlDataSource dataSource, ILogger<TaskNotificationListener> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    // Whether LISTEN is in place: without it a wait lasts its whole timeout, so callers re-read more often.
    public bool IsListening { get; private set; }

    // Register before reading the record, then await the task: a change between the read and the await still wakes it.
    public Task WhenNotified(string taskId) =>
        _waiters.GetOrAdd(taskId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Wake(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {TaskNotifications.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                IsListening = true;
                delay = TimeSpan.FromMilliseconds(500);
                WakeAll();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                IsListening = false;
                WakeAll();
                Log.ListenFailed(logger, delay.TotalSeconds, ex.Message);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(15).Ticks));
            }
        }
    }

    private void Wake(string payload)
    {
        if (payload == TaskNotifications.SeveralTasks)
        {
            WakeAll();
        }
        else if (_waiters.TryRemove(payload, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    private void WakeAll()
    {
        foreach (var id in _waiters.Keys)
        {
            if (_waiters.TryRemove(id, out var waiter))
            {
                waiter.TrySetResult();
            }
        }
    }
}
