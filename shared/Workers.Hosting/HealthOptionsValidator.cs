using Microsoft.Extensions.Options;

namespace Workers.Hosting;

/// <summary>Checks the DataAnnotations on <see cref="HealthOptions"/> (generated at compile time).</summary>
[OptionsValidator]
public sealed partial class HealthOptionsValidator : IValidateOptions<HealthOptions>;
