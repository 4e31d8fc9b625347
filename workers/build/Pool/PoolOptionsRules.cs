using Microsoft.Extensions.Options;

namespace Workers.Build.Pool;

// Rules spanning several options, and whether the build server can start at all. Every broken rule is
// reported at once, at start-up, so a bad deployment fails before it takes a message.
internal sealed class PoolOptionsRules : IValidateOptions<PoolOptions>
{
    public ValidateOptionsResult Validate(string? name, PoolOptions options)
    {
        var errors = new List<string>();
        if (options.MinProcesses > options.MaxProcesses)
        {
            errors.Add($"BuildPool:MinProcesses ({options.MinProcesses}) must not exceed BuildPool:MaxProcesses ({options.MaxProcesses}).");
        }

        if (options.HealthCheckInterval > options.MaxIdleTime)
        {
            errors.Add($"BuildPool:HealthCheckInterval ({options.HealthCheckInterval}) must not exceed BuildPool:MaxIdleTime ({options.MaxIdleTime}), or idle processes outlive it by a whole interval.");
        }

        if (!NodeServerLocation.TryResolve(options, out _, out var problem))
        {
            errors.Add(problem);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
