using Microsoft.Extensions.Options;

namespace Workers.TaskManager.Options;

// Rules that span several options. Every broken rule is reported, not just the first, so one restart fixes all.
internal sealed class TaskManagerOptionsRules : IValidateOptions<TaskManagerOptions>
{
    public ValidateOptionsResult Validate(string? name, TaskManagerOptions options)
    {
        var errors = new List<string>();
        if (options.VisibilityTimeout.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            errors.Add($"TaskManager:VisibilityTimeout ({options.VisibilityTimeout}) must be whole seconds: SQS takes an integer.");
        }

        if (options.EffectiveReceiveVisibilityTimeout.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            errors.Add($"TaskManager:ReceiveVisibilityTimeout ({options.EffectiveReceiveVisibilityTimeout}) must be whole seconds: SQS takes an integer.");
        }

        if (options.EffectiveReceiveVisibilityTimeout > options.VisibilityTimeout)
        {
            errors.Add($"TaskManager:ReceiveVisibilityTimeout ({options.EffectiveReceiveVisibilityTimeout}) must not exceed TaskManager:VisibilityTimeout ({options.VisibilityTimeout}).");
        }

        if (options.EffectiveHeartbeatInterval >= options.EffectiveReceiveVisibilityTimeout / 2)
        {
            errors.Add($"TaskManager:HeartbeatInterval ({options.EffectiveHeartbeatInterval}) must be under half the receive visibility timeout ({options.EffectiveReceiveVisibilityTimeout}), or a message reappears before it is extended.");
        }

        if (options.Retry.BaseDelay > options.Retry.MaxDelay)
        {
            errors.Add($"TaskManager:Retry:BaseDelay ({options.Retry.BaseDelay}) must not exceed TaskManager:Retry:MaxDelay ({options.Retry.MaxDelay}).");
        }

        if (options.Outage.ProbeBaseDelay > options.Outage.ProbeMaxDelay)
        {
            errors.Add($"TaskManager:Outage:ProbeBaseDelay ({options.Outage.ProbeBaseDelay}) must not exceed TaskManager:Outage:ProbeMaxDelay ({options.Outage.ProbeMaxDelay}).");
        }

        if (options.EffectivePollers * options.BatchSize > options.MaxInFlight * 2)
        {
            errors.Add($"TaskManager:Pollers ({options.EffectivePollers}) × BatchSize ({options.BatchSize}) is far above MaxInFlight ({options.MaxInFlight}): most pollers would wait for capacity. Lower Pollers.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
