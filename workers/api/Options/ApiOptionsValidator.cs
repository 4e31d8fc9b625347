using Microsoft.Extensions.Options;

namespace Workers.Api.Options;

// Checks the DataAnnotations on ApiOptions (generated at compile time).
[OptionsValidator]
internal sealed partial class ApiOptionsValidator : IValidateOptions<ApiOptions>;
