using Workers.TaskManager;

namespace Workers.Domain.Ledger;

/// <summary>What is changing stock: written on every movement.</summary>
/// <param name="TaskId">The task (or, outside a worker, a request id).</param>
/// <param name="TaskType">The task type (or the entry point's name).</param>
public sealed record StockCause(string TaskId, string TaskType)
{
    /// <summary>The cause for a task being handled.</summary>
    public static StockCause From(TaskInfo task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new StockCause(task.TaskId, task.TaskType);
    }
}
