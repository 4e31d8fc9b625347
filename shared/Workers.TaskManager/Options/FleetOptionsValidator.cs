using Microsoft.Extensions.Options;

namespace Workers.TaskManager.Options;

/// <summary>Checks the DataAnnotations on <see cref="FleetOptions"/> (generated at compile time).</summary>
[OptionsValidator]
public sealed partial class FleetOptionsValidator : IValidateOptions<FleetOptions>;
