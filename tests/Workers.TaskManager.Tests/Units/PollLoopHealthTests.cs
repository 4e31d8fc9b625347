using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Workers.TaskManager.Health;

namespace Workers.TaskManager.Tests.Units;

public sealed class PollLoopHealthTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_poller_that_stops_completing_receives_makes_the_worker_unhealthy()
    {
        var health = new PollLoopHealth(_time);
        health.Started(pollers: 2, stallAfter: TimeSpan.FromSeconds(90));

        _time.Advance(TimeSpan.FromSeconds(60));
        health.Polled(0);
        health.Polled(1);
        Assert.Equal(HealthStatus.Healthy, health.Evaluate().Status);

        _time.Advance(TimeSpan.FromSeconds(60));
        health.Polled(0);
        _time.Advance(TimeSpan.FromSeconds(31));

        var result = health.Evaluate();
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("Poller 1", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Waiting_for_capacity_counts_as_progress_only_while_handlers_keep_finishing()
    {
        var health = new PollLoopHealth(_time);
        health.Started(pollers: 1, stallAfter: TimeSpan.FromSeconds(90));

        _time.Advance(TimeSpan.FromSeconds(80));
        health.Settled();
        health.WaitingForCapacity(0);
        _time.Advance(TimeSpan.FromSeconds(80));
        Assert.Equal(HealthStatus.Healthy, health.Evaluate().Status);

        // Every slot is held and nothing finishes: waiting no longer counts.
        _time.Advance(TimeSpan.FromSeconds(20));
        health.WaitingForCapacity(0);
        Assert.Equal(HealthStatus.Unhealthy, health.Evaluate().Status);
    }

    [Fact]
    public void A_consumer_that_failed_is_unhealthy_and_one_that_is_draining_is_not()
    {
        var health = new PollLoopHealth(_time);
        health.Started(pollers: 1, stallAfter: TimeSpan.FromSeconds(90));
        health.Draining();
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HealthStatus.Healthy, health.Evaluate().Status);

        health.Stopped(new InvalidOperationException("queue deleted"));
        Assert.Equal(HealthStatus.Unhealthy, health.Evaluate().Status);
    }
}
