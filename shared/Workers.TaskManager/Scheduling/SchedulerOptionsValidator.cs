using Microsoft.Extensions.Options;

namespace Workers.TaskManager.Scheduling;

/// <summary>Checks the DataAnnotations on <see cref="SchedulerOptions"/> (generated at compile time).</summary>
[OptionsValidator]
public sealed partial class SchedulerOptionsValidator : IValidateOptions<SchedulerOptions>;
