namespace Workers.Fleet;

/// <summary>A task type as the fleet declares it, with the fleet defaults applied.</summary>
/// <param name="Name">The wire name handlers are registered under, e.g. <c>updateStock</c>.</param>
/// <param name="ChunkSize">Items per chunk (one database transaction each) in <c>ProcessItemsAsync</c>.</param>
/// <param name="Timeout">How long a handler may run before it is cancelled.</param>
/// <param name="ChunkCooldown">Pause between two chunks of one task, for downstream APIs with rate limits.</param>
public sealed record FleetTaskType(string Name, int ChunkSize, TimeSpan Timeout, TimeSpan ChunkCooldown);
