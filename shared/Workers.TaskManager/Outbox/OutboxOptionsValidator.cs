using Microsoft.Extensions.Options;

namespace Workers.TaskManager.Outbox;

/// <summary>Checks the DataAnnotations on <see cref="OutboxOptions"/> (generated at compile time).</summary>
[OptionsValidator]
public sealed partial class OutboxOptionsValidator : IValidateOptions<OutboxOptions>;
