using Npgsql;
using Workers.Fleet;
using Workers.TaskManager.Persistence.Tables;
using Workers.TaskManager.Publishing;

namespace Workers.TaskManager.Outbox;

/// <summary>
/// The outbox for code outside a worker (an HTTP entry point, the CLI): enqueue a task in your own database
/// transaction, so it is published if and only if that transaction commits. Inside a handler use
/// <see cref="TaskContext{TBody}.Enqueue"/> or <see cref="Chunk{TItem}.Enqueue"/> instead. Rows written here have
/// no source worker; the target worker's own dispatcher publishes them when they are due.
/// </summary>
public static class TaskOutbox
{
    /// <summary>
    /// Writes <paramref name="message"/> for <paramref name="worker"/> to the outbox on
    /// <paramref name="connection"/> within <paramref name="transaction"/> (null: the statement commits on its own).
    /// The target must be declared in <paramref name="fleet"/> and handle the task type; otherwise this throws
    /// <see cref="InvalidOperationException"/> and writes nothing. A task id already in the outbox is a repeat of
    /// the same task and is not written again.
    /// </summary>
    /// <param name="connection">An open connection to the fleet's database.</param>
    /// <param name="transaction">The caller's transaction on it, if any.</param>
    /// <param name="fleet">The fleet declaration (<see cref="FleetDeclaration.Current"/> in a deployed service).</param>
    /// <param name="worker">The target worker.</param>
    /// <param name="message">The task; its task id, when set, names it (give one to cancel it later).</param>
    /// <param name="dueAt">When to publish it, days ahead if need be; on commit when null.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The task id.</returns>
    public static async Task<string> EnqueueAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        FleetDeclaration fleet,
        string worker,
        TaskMessage message,
        DateTimeOffset? dueAt = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var entry = OutboxTargets.Check(fleet, source: null, worker, message, dueAt);
        await using var insert = OutboxTable.Insert(connection, transaction, source: null, [entry]);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return entry.TaskId;
    }

    /// <summary>
    /// Removes the task <paramref name="taskId"/> from the outbox if it has not been published yet (a payment
    /// deadline no longer needed because the order was paid). Returns true when it was still pending and is now
    /// cancelled; false when it was already published (or never enqueued). A task being published at this
    /// moment is waited for and reported as published.
    /// </summary>
    public static async Task<bool> CancelAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        string taskId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        await using var cancel = OutboxTable.Cancel(connection, transaction, taskId);
        return await cancel.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
