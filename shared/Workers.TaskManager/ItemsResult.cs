namespace Workers.TaskManager;

/// <summary>What <c>ProcessItemsAsync</c> did in this attempt and in earlier ones.</summary>
/// <param name="Chunks">Chunks in the list.</param>
/// <param name="ChunksProcessed">Chunks this attempt committed.</param>
/// <param name="ChunksSkipped">Chunks an earlier attempt had already committed.</param>
/// <param name="Items">Items in the list.</param>
/// <param name="ItemsRejected">Items this attempt's chunks rejected.</param>
public sealed record ItemsResult(int Chunks, int ChunksProcessed, int ChunksSkipped, long Items, long ItemsRejected);
