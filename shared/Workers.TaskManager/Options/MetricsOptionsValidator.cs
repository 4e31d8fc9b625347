using Microsoft.Extensions.Options;

namespace Workers.TaskManager.Options;

/// <summary>Checks the DataAnnotations on <see cref="MetricsOptions"/> (generated at compile time).</summary>
[OptionsValidator]
public sealed partial class MetricsOptionsValidator : IValidateOptions<MetricsOptions>;
