using Microsoft.Extensions.Time.Testing;
using Workers.Build.Pool;
using Workers.Build.Tests.Infrastructure;

namespace Workers.Build.Tests.Pool;

// Idle shrink, maximum age and shutdown: what time and the host drive. Time is a FakeTimeProvider, advanced by
// the test, so no test waits for a real interval.
public sealed class PoolHealthTests
{
    [Fact]
    public async Task The_health_check_stops_processes_idle_too_long_down_to_the_minimum()
    {
        var time = new FakeTimeProvider();
        await using var fake = FakePool.Create(
            o => (o.MinProcesses, o.MaxProcesses, o.MaxIdleTime, o.HealthCheckInterval) = (1, 3, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1)),
            time);
        await using var host = fake.CreateHost(time);
        await host.StartAsync(TestContext.Current.CancellationToken);
        await GrowToAsync(fake, 3);

        time.Advance(TimeSpan.FromMinutes(5));
        var stopped = new[] { await fake.NextRetiredAsync(), await fake.NextRetiredAsync() };

        Assert.All(stopped, s => Assert.Contains("MaxIdleTime", s.Reason, StringComparison.Ordinal));
        var stats = fake.Pool.GetStats();
        Assert.Equal((1, 2L, 0L), (stats.Total, stats.IdleStopped, stats.Recycled));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Processes_past_their_maximum_age_are_replaced_by_the_health_check()
    {
        var time = new FakeTimeProvider();
        await using var fake = await FakePool.StartAsync(
            o => (o.MinProcesses, o.MaxProcesses, o.MaxProcessAge, o.MaxIdleTime) = (2, 2, TimeSpan.FromHours(1), TimeSpan.FromHours(2)),
            time);
        var old = fake.StartedPids;

        time.Advance(TimeSpan.FromHours(1));
        await fake.Pool.CheckHealthAsync();
        var retired = new[] { await fake.NextRetiredAsync(), await fake.NextRetiredAsync() };

        Assert.Equal(2, old.Count);
        Assert.Equal(old.Order(), retired.Select(r => r.Pid).Order());
        Assert.All(retired, r => Assert.Contains("MaxProcessAge", r.Reason, StringComparison.Ordinal));
        var fresh = await fake.BuildAsync("fresh");
        Assert.DoesNotContain(fresh.ProcessId, old);
        Assert.Equal(2, fake.Pool.GetStats().Recycled);
    }

    [Fact]
    public async Task Shutdown_lets_a_running_build_finish_refuses_new_ones_then_stops_every_process()
    {
        await using var fake = await FakePool.StartAsync(o => (o.MinProcesses, o.MaxProcesses) = (2, 2));
        var running = fake.BuildAsync("gate");
        var line = await fake.Logs.BuildStartedAsync("gate");

        var stopping = fake.Pool.StopAsync();
        await Assert.ThrowsAsync<PoolUnavailableException>(() => fake.BuildAsync("late"));
        Assert.False(stopping.IsCompleted);
        await FakePool.OpenGateAsync(line.Pid!.Value);

        Assert.True((await running).Response.GetProperty("ok").GetBoolean());
        await stopping;
        var retired = new[] { await fake.NextRetiredAsync(), await fake.NextRetiredAsync() };
        Assert.Equal(fake.StartedPids.Order(), retired.Select(r => r.Pid).Order());
        Assert.All(retired, r => Assert.False(FakePool.IsRunning(r.Pid)));
        Assert.Equal(0, fake.Pool.GetStats().Total);
    }

    [Fact]
    public void Options_name_a_missing_script_and_missing_node_modules_with_the_fix()
    {
        var empty = Directory.CreateTempSubdirectory("build-pool-").FullName;
        try
        {
            var rules = new PoolOptionsRules();
            var noScript = rules.Validate(null, new PoolOptions { WorkDirectory = empty, MinProcesses = 3, MaxProcesses = 2 });
            File.WriteAllText(Path.Combine(empty, "build-server.mjs"), "");
            var noModules = rules.Validate(null, new PoolOptions { WorkDirectory = empty });

            Assert.Contains(noScript.Failures!, f => f.Contains("build-server.mjs does not exist", StringComparison.Ordinal));
            Assert.Contains(noScript.Failures!, f => f.Contains("MinProcesses (3) must not exceed", StringComparison.Ordinal));
            Assert.Contains(noModules.Failures!, f => f.Contains("has no node_modules", StringComparison.Ordinal) && f.Contains("install.sh", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    // Runs `count` builds at once, so the pool starts processes up to `count`, and lets them all finish.
    private static async Task GrowToAsync(FakePool fake, int count)
    {
        var builds = Enumerable.Range(0, count).Select(_ => fake.BuildAsync("gate")).ToList();
        for (var i = 1; i <= count; i++)
        {
            await FakePool.OpenGateAsync((await fake.Logs.BuildStartedAsync("gate", i)).Pid!.Value);
        }

        await Task.WhenAll(builds);
        Assert.Equal(count, fake.Pool.GetStats().Total);
    }
}
