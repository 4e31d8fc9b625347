using Microsoft.Extensions.Options;

namespace Workers.Build.Builds;

// Checks the DataAnnotations on BuildOptions (generated at compile time).
[OptionsValidator]
internal sealed partial class BuildOptionsValidator : IValidateOptions<BuildOptions>;
