using System.Diagnostics.CodeAnalysis;
using Workers.Fleet;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;

namespace Workers.TaskManager;

/// <summary>
/// One task being handled: its body, who it is, and the tools that make a handler safe under at-least-once
/// delivery: <see cref="ProcessItemsAsync{TItem}(IEnumerable{TItem}, ChunkProcessor{TItem}, CancellationToken, string)"/>
/// for large item lists (one transaction per chunk, committed chunks skipped on a retry) and
/// <see cref="TransactionAsync(Func{CancellationToken, Task}, CancellationToken, string)"/> for applying an effect once.
/// </summary>
/// <typeparam name="TBody">The task's body type.</typeparam>
public sealed class TaskContext<TBody>
    where TBody : class
{
    private readonly ITaskSteps _steps;

    internal TaskContext(TBody body, TaskInfo info, FleetTaskType settings, ITaskSteps steps)
    {
        Body = body;
        Info = info;
        Settings = settings;
        _steps = steps;
    }

    /// <summary>The deserialized, validated body.</summary>
    public TBody Body { get; }

    /// <summary>The task's identifiers.</summary>
    public TaskInfo Info { get; }

    /// <summary>The task type's settings (chunk size, timeout, cooldown) from the fleet declaration.</summary>
    public FleetTaskType Settings { get; }

    /// <summary>
    /// Processes <paramref name="items"/> in chunks of the task type's chunk size. Each chunk runs in its own
    /// database transaction together with a ledger row (task id, chunk index), so a retry after a crash skips the
    /// chunks already committed and every chunk's effects are applied exactly once. Progress is recorded per task.
    /// </summary>
    /// <param name="items">The items; enumerated once per attempt, in the same order every time.</param>
    /// <param name="processor">Applies one chunk through the worker's DbContext; it need not call SaveChanges.</param>
    /// <param name="cancellationToken">The handler's token.</param>
    /// <param name="name">Distinguishes two item lists processed by one task.</param>
    public Task<ItemsResult> ProcessItemsAsync<TItem>(
        IEnumerable<TItem> items,
        ChunkProcessor<TItem> processor,
        CancellationToken cancellationToken,
        string name = "items")
    {
        ArgumentNullException.ThrowIfNull(items);
        var total = items.TryGetNonEnumeratedCount(out var count) ? count : (long?)null;
        return _steps.ProcessItemsAsync(Info, Settings, items.ToAsyncEnumerable(), total, processor, name, cancellationToken);
    }

    /// <summary>
    /// Processes a stream of items (a CSV read from S3, say) in chunks, never holding more than one chunk in
    /// memory. <paramref name="expectedItems"/>, when known, makes progress show a total.
    /// </summary>
    public Task<ItemsResult> ProcessItemsAsync<TItem>(
        IAsyncEnumerable<TItem> items,
        ChunkProcessor<TItem> processor,
        long? expectedItems,
        CancellationToken cancellationToken,
        string name = "items") =>
        _steps.ProcessItemsAsync(Info, Settings, items, expectedItems, processor, name, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one database transaction with a ledger row for this task and
    /// <paramref name="step"/>; returns false without running it when an earlier delivery already committed it.
    /// </summary>
    public Task<bool> TransactionAsync(
        Func<CancellationToken, Task> work,
        CancellationToken cancellationToken,
        string step = "transaction") =>
        _steps.TransactionAsync(Info, step, work, cancellationToken);

    /// <summary>
    /// Enqueues a follow-up task for <paramref name="worker"/> that commits with the step running now: call it
    /// inside the work of <see cref="TransactionAsync(Func{CancellationToken, Task}, CancellationToken, string)"/>
    /// (or a chunk processor; <see cref="Chunk{TItem}.Enqueue"/> does the same). The task is written to the
    /// outbox in the step's transaction and published once it has committed and <paramref name="dueAt"/> has come;
    /// a step that rolls back enqueues nothing. Outside a step this throws <see cref="InvalidOperationException"/>,
    /// as it does when <paramref name="worker"/> is not in this worker's <c>publishesTo</c> (nor this worker) or
    /// does not declare the task type.
    /// </summary>
    /// <param name="worker">The target worker.</param>
    /// <param name="message">The task. Its <see cref="TaskMessage.TaskId"/>, when set, names it (an idempotency key); else a new id is made.</param>
    /// <param name="dueAt">When to publish it, days ahead if need be; now when null.</param>
    /// <returns>The task id.</returns>
    public string Enqueue(string worker, TaskMessage message, DateTimeOffset? dueAt = null) => _steps.Enqueue(worker, message, dueAt);

    /// <summary>Fails the task for good: it goes to the dead-letter queue now with <paramref name="reason"/>.</summary>
    [DoesNotReturn]
    public void Reject(string reason) => throw new PermanentTaskException(reason);
}
