using Microsoft.Extensions.Options;

namespace Workers.TaskManager.Outbox;

// Rules across fields of OutboxOptions, every failure reported at once.
internal sealed class OutboxOptionsRules : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var errors = new List<string>();
        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            errors.Add($"TaskManager:Outbox:RetryMaxDelay ({options.RetryMaxDelay}) must be at least RetryBaseDelay ({options.RetryBaseDelay}).");
        }

        if (options.CleanupInterval > options.Retention)
        {
            errors.Add($"TaskManager:Outbox:CleanupInterval ({options.CleanupInterval}) must not exceed Retention ({options.Retention}).");
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
