using Microsoft.Extensions.Options;
using Workers.Fleet;
using Workers.TaskManager.Options;

namespace Workers.TaskManager.Dispatch;

// Checked at start with the other option rules: the handlers registered in code and the task types the fleet
// declares for this worker must be the same set, and overrides may only name declared task types.
internal sealed class RegistrationRules(FleetWorker worker, IEnumerable<ITaskInvoker> invokers) : IValidateOptions<TaskManagerOptions>
{
    public ValidateOptionsResult Validate(string? name, TaskManagerOptions options)
    {
        var errors = new List<string>();
        var registered = invokers.Select(i => i.TaskType).ToHashSet(StringComparer.Ordinal);
        foreach (var declared in worker.TaskTypes.Keys.Where(t => !registered.Contains(t)))
        {
            errors.Add($"Task type '{declared}' is declared for worker '{worker.Name}' in shared/fleet.json but no handler is registered for it (AddTask).");
        }

        foreach (var overridden in options.TaskTypes.Keys.Where(t => !worker.TaskTypes.ContainsKey(t)))
        {
            errors.Add($"TaskManager:TaskTypes:{overridden} overrides a task type worker '{worker.Name}' does not declare.");
        }

        if (options.Worker != worker.Name)
        {
            errors.Add($"TaskManager:Worker is '{options.Worker}' but the TaskManager was added for '{worker.Name}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
