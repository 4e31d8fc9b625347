using Microsoft.Extensions.Options;
using Workers.Fleet;

namespace Workers.TaskManager.Scheduling;

// An override names a declared schedule of this worker and its cron parses: a typo fails the start, it does not
// silently leave the declared expression in force.
internal sealed class SchedulerOptionsRules(FleetWorker worker) : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        var errors = new List<string>();
        var declared = worker.Schedules.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (schedule, change) in options.Schedules)
        {
            if (!declared.Contains(schedule))
            {
                errors.Add($"{SchedulerOptions.SectionName}:Schedules:{schedule}: no such schedule targets worker '{worker.Name}' in shared/fleet.json (declared: {(declared.Count == 0 ? "none" : string.Join(", ", declared.Order()))}).");
            }

            if (change.Cron is { } cron && ScheduleCron.Problem(cron) is { } problem)
            {
                errors.Add($"{SchedulerOptions.SectionName}:Schedules:{schedule}:Cron '{cron}' does not parse: {problem}");
            }
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
