namespace Workers.TaskManager;

/// <summary>Applies one chunk of items inside the chunk's database transaction.</summary>
public delegate Task ChunkProcessor<TItem>(Chunk<TItem> chunk, CancellationToken cancellationToken);
