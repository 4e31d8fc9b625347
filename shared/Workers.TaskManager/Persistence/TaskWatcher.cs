using Npgsql;

namespace Workers.TaskManager.Persistence;

/// <summary>
/// Follows tasks through PostgreSQL LISTEN on <see cref="TaskNotifications.Channel"/>: the TaskManager notifies
/// on every committed chunk, failure and completion, so a watcher wakes exactly when something changed.
/// </summary>
public sealed class TaskWatcher(NpgsqlDataSource dataSource)
{
    /// <summary>Starts listening. Read the task's state after this returns, then wait for changes.</summary>
    public async Task<TaskSubscription> SubscribeAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var subscription = new TaskSubscription(connection);
            await using var listen = new NpgsqlCommand($"LISTEN {TaskNotifications.Channel}", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken);
            return subscription;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
