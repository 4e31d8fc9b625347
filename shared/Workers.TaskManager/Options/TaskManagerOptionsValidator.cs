using Microsoft.Extensions.Options;

namespace Workers.TaskManager.Options;

/// <summary>Checks the DataAnnotations on <see cref="TaskManagerOptions"/> (generated at compile time).</summary>
[OptionsValidator]
public sealed partial class TaskManagerOptionsValidator : IValidateOptions<TaskManagerOptions>;
