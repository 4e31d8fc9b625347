using Workers.TaskManager.Consuming;
using Workers.TaskManager.Options;

namespace Workers.TaskManager.Tests.Units;

public sealed class RetryBackoffTests
{
    [Fact]
    public void The_wait_doubles_with_each_attempt_within_the_jitter_and_stops_at_the_cap()
    {
        var backoff = new RetryBackoff(new RetryOptions { BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(60) });

        for (var i = 0; i < 200; i++)
        {
            Assert.InRange(backoff.After(1).TotalSeconds, 8, 12);
            Assert.InRange(backoff.After(2).TotalSeconds, 16, 24);
            Assert.InRange(backoff.After(3).TotalSeconds, 32, 48);
            Assert.InRange(backoff.After(10).TotalSeconds, 48, 60);
        }
    }

    [Fact]
    public void Waits_are_whole_seconds_because_they_become_visibility_timeouts()
    {
        var backoff = new RetryBackoff(new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1500), MaxDelay = TimeSpan.FromMinutes(5) });

        Assert.All(Enumerable.Range(1, 8), attempt => Assert.Equal(0, backoff.After(attempt).Ticks % TimeSpan.TicksPerSecond));
    }

    [Fact]
    public void A_zero_base_delay_retries_at_once()
    {
        Assert.Equal(TimeSpan.Zero, new RetryBackoff(new RetryOptions { BaseDelay = TimeSpan.Zero }).After(3));
    }
}
