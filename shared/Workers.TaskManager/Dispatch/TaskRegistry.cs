using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Workers.TaskManager.Dispatch;

// The worker's handlers by task type, as registered with AddTask.
internal sealed class TaskRegistry(IEnumerable<ITaskInvoker> invokers)
{
    private readonly FrozenDictionary<string, ITaskInvoker> _invokers =
        invokers.ToFrozenDictionary(i => i.TaskType, StringComparer.Ordinal);

    public IEnumerable<string> TaskTypes => _invokers.Keys.Order(StringComparer.Ordinal);

    public bool TryGet(string taskType, [NotNullWhen(true)] out ITaskInvoker? invoker) =>
        _invokers.TryGetValue(taskType, out invoker);
}
