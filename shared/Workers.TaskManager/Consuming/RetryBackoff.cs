using Workers.TaskManager.Options;

namespace Workers.TaskManager.Consuming;

// The wait before attempt n+1: BaseDelay × 2^(n−1) ± 20 % (so a burst of failures does not come back as a
// burst), capped at MaxDelay, rounded up to whole seconds because it is applied as a visibility timeout.
internal sealed class RetryBackoff(RetryOptions options)
{
    public TimeSpan After(int attempt)
    {
        if (options.BaseDelay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var delay = Math.Min(options.BaseDelay.TotalSeconds * Math.Pow(2, exponent), options.MaxDelay.TotalSeconds);
#pragma warning disable CA5394 // Jitter, not security.
        delay *= 0.8 + (Random.Shared.NextDouble() * 0.4);
#pragma warning restore CA5394
        return TimeSpan.FromSeconds(Math.Clamp(Math.Ceiling(delay), 1, Math.Max(1, options.MaxDelay.TotalSeconds)));
    }
}
