using System.Collections.Frozen;
using Workers.Fleet;
using Workers.TaskManager.Options;

namespace Workers.TaskManager.Dispatch;

// The settings each task type runs with: the fleet declaration's, with configuration overrides applied.
internal static class TaskTypeSettings
{
    public static FrozenDictionary<string, FleetTaskType> Resolve(FleetWorker worker, IReadOnlyDictionary<string, TaskTypeOverride> overrides) =>
        worker.TaskTypes.Values
            .Select(declared => overrides.TryGetValue(declared.Name, out var o)
                ? declared with
                {
                    ChunkSize = o.ChunkSize ?? declared.ChunkSize,
                    Timeout = o.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : declared.Timeout,
                    ChunkCooldown = o.ChunkCooldownMilliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : declared.ChunkCooldown,
                }
                : declared)
            .ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
}
