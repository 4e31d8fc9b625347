using Microsoft.Extensions.Options;

namespace Workers.ExternalEc.Ochanoko;

// Checks the DataAnnotations on OchanokoOptions (generated at compile time).
[OptionsValidator]
internal sealed partial class OchanokoOptionsValidator : IValidateOptions<OchanokoOptions>;
