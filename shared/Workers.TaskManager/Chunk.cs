using Workers.TaskManager.Outbox;
using Workers.TaskManager.Publishing;

namespace Workers.TaskManager;

/// <summary>A slice of a task's items, processed in one database transaction.</summary>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed class Chunk<TItem>
{
    private readonly List<ItemRejection> _rejections = [];

    private readonly OutboxBuffer? _outbox;

    internal Chunk(int index, long firstItemNumber, IReadOnlyList<TItem> items, OutboxBuffer? outbox = null)
    {
        Index = index;
        FirstItemNumber = firstItemNumber;
        Items = items;
        _outbox = outbox;
    }

    /// <summary>The chunk's position, from 0.</summary>
    public int Index { get; }

    /// <summary>The 1-based position of the chunk's first item in the whole list (a CSV data row number, say).</summary>
    public long FirstItemNumber { get; }

    /// <summary>The chunk's items, in order.</summary>
    public IReadOnlyList<TItem> Items { get; }

    internal IReadOnlyList<ItemRejection> Rejections => _rejections;

    /// <summary>
    /// Records that one item was not applied and why (a stock level that would go negative, an unknown SKU).
    /// The rejection is stored with the chunk's transaction and reported with the task; the rest of the chunk
    /// is still applied.
    /// </summary>
    public void Reject(string itemKey, string reason) => _rejections.Add(new ItemRejection(itemKey, reason));

    /// <summary>
    /// Enqueues a follow-up task for <paramref name="worker"/> that commits with this chunk: it is written to the
    /// outbox in the chunk's transaction and published by the dispatcher once the chunk has committed (and
    /// <paramref name="dueAt"/> has come); a chunk that rolls back enqueues nothing. <paramref name="worker"/>
    /// must be in this worker's <c>publishesTo</c> (or be this worker) and declare the task type; otherwise
    /// this throws <see cref="InvalidOperationException"/> here, and nothing is written.
    /// </summary>
    /// <param name="worker">The target worker.</param>
    /// <param name="message">The task. Its <see cref="TaskMessage.TaskId"/>, when set, names it (an idempotency key); else a new id is made.</param>
    /// <param name="dueAt">When to publish it, days ahead if need be; now when null.</param>
    /// <returns>The task id.</returns>
    public string Enqueue(string worker, TaskMessage message, DateTimeOffset? dueAt = null) =>
        (_outbox ?? throw new InvalidOperationException("This chunk has no outbox: follow-ups need the worker's database (UseDatabase).")).Add(worker, message, dueAt);
}
