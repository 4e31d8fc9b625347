using Microsoft.Extensions.Options;

namespace Workers.TaskManager.Options;

/// <summary>Checks the DataAnnotations on <see cref="DatabaseOptions"/> (generated at compile time).</summary>
[OptionsValidator]
public sealed partial class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>;
