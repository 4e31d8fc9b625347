using Microsoft.Extensions.Options;

namespace Workers.Build.Pool;

// Checks the DataAnnotations on PoolOptions (generated at compile time).
[OptionsValidator]
internal sealed partial class PoolOptionsValidator : IValidateOptions<PoolOptions>;
