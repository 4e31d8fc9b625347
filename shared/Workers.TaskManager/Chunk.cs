namespace Workers.TaskManager;

/// <summary>A slice of a task's items, processed in one database transaction.</summary>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed class Chunk<TItem>
{
    private readonly List<ItemRejection> _rejections = [];

    internal Chunk(int index, long firstItemNumber, IReadOnlyList<TItem> items)
    {
        Index = index;
        FirstItemNumber = firstItemNumber;
        Items = items;
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
}
