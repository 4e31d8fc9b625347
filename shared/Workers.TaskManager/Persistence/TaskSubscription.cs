using System.Collections.Concurrent;
using Npgsql;

namespace Workers.TaskManager.Persistence;

/// <summary>An open LISTEN connection; see <see cref="TaskWatcher"/>.</summary>
public sealed class TaskSubscription : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly ConcurrentQueue<string> _notified = new();

    internal TaskSubscription(NpgsqlConnection connection)
    {
        _connection = connection;
        _connection.Notification += (_, e) => _notified.Enqueue(e.Payload);
    }

    /// <summary>
    /// Waits until <paramref name="taskId"/> (or <see cref="TaskNotifications.SeveralTasks"/>) is notified (true)
    /// or <paramref name="timeout"/> passes (false).
    /// Re-read the task after either: a timeout bounds how long a missed notification can delay you.
    /// </summary>
    public async Task<bool> WaitAsync(string taskId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            while (_notified.TryDequeue(out var payload))
            {
                if (payload == taskId || payload == TaskNotifications.SeveralTasks)
                {
                    return true;
                }
            }

            // Whole milliseconds, rounded up: Npgsql truncates a TimeSpan to milliseconds and takes 0 as "wait
            // forever", so a remainder under a millisecond would never time out.
            var left = (int)Math.Ceiling((deadline - DateTime.UtcNow).TotalMilliseconds);
            if (left <= 0 || !await _connection.WaitAsync(left, cancellationToken))
            {
                return false;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
