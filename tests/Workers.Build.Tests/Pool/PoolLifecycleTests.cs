using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Workers.Build.Pool;
using Workers.Build.Tests.Infrastructure;

namespace Workers.Build.Tests.Pool;

// The pool against a fake build server (FakeServer/fake-build-server.mjs) whose behaviour each build's source
// chooses: deterministic crashes, hangs, memory growth. Time-driven behaviour runs on a FakeTimeProvider.
public sealed class PoolLifecycleTests
{
    [Fact]
    public async Task Builds_run_on_a_warm_process_and_are_counted()
    {
        // At most two as well: on a loaded machine the pool once started a third process during these builds (seen
        // in a full run; growth is the next test's subject), and the counts below are about the two warm ones.
        await using var fake = await FakePool.StartAsync(o => (o.MinProcesses, o.MaxProcesses) = (2, 2));
        var stats = fake.Pool.GetStats();
        Assert.Equal(2, stats.Total);
        Assert.Equal(2, stats.Available);

        var first = await fake.BuildAsync("one");
        var second = await fake.BuildAsync("two");

        Assert.True(first.Response.GetProperty("ok").GetBoolean());
        Assert.Contains("\"two\"", second.Response.GetProperty("bundle").GetString(), StringComparison.Ordinal);
        Assert.Equal("fake", System.Text.Json.JsonDocument.Parse(first.Toolchain.Json).RootElement.GetProperty("esbuild").GetString());
        stats = fake.Pool.GetStats();
        Assert.Equal(2, stats.TotalBuilds);
        Assert.Equal(0, stats.Busy);
        // The most recently used process is taken first (so the others can age out): one process served both,
        // and only it has reported its memory yet.
        Assert.Equal(first.ProcessId, second.ProcessId);
        Assert.Equal(50L * 1024 * 1024, stats.MemoryBytes);

        // The health check asks the idle one too.
        await fake.Pool.CheckHealthAsync();
        Assert.Equal((2, 2 * 50L * 1024 * 1024), (fake.Pool.GetStats().Available, fake.Pool.GetStats().MemoryBytes));
    }

    [Fact]
    public async Task Concurrent_builds_never_share_a_process_and_a_build_beyond_the_maximum_waits_for_one()
    {
        await using var fake = await FakePool.StartAsync(o => (o.MinProcesses, o.MaxProcesses) = (1, 3));
        var gated = Enumerable.Range(0, 3).Select(_ => fake.BuildAsync("gate")).ToList();
        var pids = new HashSet<int>();
        while (pids.Count < 3)
        {
            var line = await fake.Logs.WaitForAsync(l => l.Message.Contains("build started", StringComparison.Ordinal)
                && l.Message.Contains("\"source\":\"gate\"", StringComparison.Ordinal) && l.Pid is { } pid && !pids.Contains(pid));
            pids.Add(line.Pid!.Value);
        }

        var fourth = fake.BuildAsync("after");
        Assert.Equal((3, 3, 1), (fake.Pool.GetStats().Total, fake.Pool.GetStats().Busy, fake.Pool.GetStats().Waiting));
        Assert.False(fourth.IsCompleted);

        var released = pids.First();
        await FakePool.OpenGateAsync(released);
        Assert.Equal(released, (await fourth).ProcessId);
        foreach (var pid in pids.Skip(1))
        {
            await FakePool.OpenGateAsync(pid);
        }

        var results = await Task.WhenAll(gated);
        Assert.Equal(pids.Order(), results.Select(r => r.ProcessId).Order());
    }

    [Fact]
    public async Task A_build_that_finds_every_process_busy_for_the_acquire_timeout_fails_as_unavailable()
    {
        var time = new FakeTimeProvider();
        await using var fake = await FakePool.StartAsync(o => (o.MinProcesses, o.MaxProcesses, o.AcquireTimeout) = (1, 1, TimeSpan.FromSeconds(10)), time);
        var holder = fake.BuildAsync("gate");
        var line = await fake.Logs.BuildStartedAsync("gate");

        var waiting = fake.BuildAsync("waits");
        time.Advance(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<PoolUnavailableException>(() => waiting);
        await FakePool.OpenGateAsync(line.Pid!.Value);
        await holder;
        Assert.Equal(0, fake.Pool.GetStats().Waiting);
    }

    [Fact]
    public async Task A_build_that_hangs_times_out_and_its_process_is_replaced()
    {
        var time = new FakeTimeProvider();
        await using var fake = await FakePool.StartAsync(o => (o.MinProcesses, o.MaxProcesses, o.BuildTimeout) = (1, 1, TimeSpan.FromSeconds(30)), time);
        var hung = fake.BuildAsync("hang");
        var line = await fake.Logs.BuildStartedAsync("hang");

        time.Advance(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<BuildTimedOutException>(() => hung);
        var (retired, reason) = await fake.NextRetiredAsync();
        Assert.Equal(line.Pid, retired);
        Assert.Contains("build ran past 30 s", reason, StringComparison.Ordinal);
        await FakePool.ExitOfAsync(retired);
        var next = await fake.BuildAsync("next");
        Assert.NotEqual(line.Pid, next.ProcessId);
        Assert.Equal(1, fake.Pool.GetStats().Recycled);
    }

    [Fact]
    public async Task A_process_killed_mid_build_fails_only_that_build_and_the_pool_heals()
    {
        await using var fake = await FakePool.StartAsync(o => (o.MinProcesses, o.MaxProcesses) = (2, 2));
        var survivor = fake.BuildAsync("gate");
        var survivorLine = await fake.Logs.BuildStartedAsync("gate");
        var victim = fake.BuildAsync("hang");
        var victimLine = await fake.Logs.BuildStartedAsync("hang");

        using (var process = Process.GetProcessById(victimLine.Pid!.Value))
        {
            process.Kill();
        }

        // Killed by someone else than the pool: to the pool, a crash like any other, with the signal.
        var failure = await Assert.ThrowsAsync<BuildServerCrashedException>(() => victim);
        Assert.Equal((victimLine.Pid!.Value, 137), (failure.Pid, failure.ExitCode));
        var (retired, reason) = await fake.NextRetiredAsync();
        Assert.Equal(victimLine.Pid, retired);
        Assert.Equal("died during a build with exit code 137 (signal 9, SIGKILL, most likely)", reason);

        await FakePool.OpenGateAsync(survivorLine.Pid!.Value);
        Assert.Equal(survivorLine.Pid, (await survivor).ProcessId);

        // Healed: two processes again, both able to build at once, neither the killed one.
        var again = new[] { fake.BuildAsync("gate"), fake.BuildAsync("gate") };
        var second = await fake.Logs.BuildStartedAsync("gate", occurrence: 2);
        var third = await fake.Logs.BuildStartedAsync("gate", occurrence: 3);
        var pids = new[] { second.Pid, third.Pid };
        Assert.Contains(survivorLine.Pid, pids);
        Assert.DoesNotContain(victimLine.Pid, pids);
        Assert.NotEqual(second.Pid, third.Pid);
        await FakePool.OpenGateAsync(second.Pid!.Value);
        await FakePool.OpenGateAsync(third.Pid!.Value);
        await Task.WhenAll(again);
        Assert.Equal(2, fake.Pool.GetStats().Total);
    }

    [Fact]
    public async Task A_process_that_dies_holding_a_build_is_reported_as_a_crash_with_its_exit_code()
    {
        await using var fake = await FakePool.StartAsync(o => (o.MinProcesses, o.MaxProcesses) = (1, 1));
        var crashed = fake.BuildAsync("crash:pool");
        var line = await fake.Logs.BuildStartedAsync("crash:pool");

        var crash = await Assert.ThrowsAsync<BuildServerCrashedException>(() => crashed);
        Assert.Equal((line.Pid!.Value, 3), (crash.Pid, crash.ExitCode));
        Assert.Equal(NodeProcessFailure.ExitedDuringRequest, crash.Failure);
        Assert.Contains("died during the build with exit code 3", crash.Message, StringComparison.Ordinal);
        Assert.Equal(new Retirement(line.Pid.Value, "died during a build with exit code 3"), await fake.NextRetiredAsync());
        Assert.NotEqual(line.Pid, (await fake.BuildAsync("next")).ProcessId);
    }

    [Fact]
    public async Task A_build_the_pool_kills_at_the_drain_deadline_is_not_reported_as_a_crash()
    {
        var time = new FakeTimeProvider();
        await using var fake = await FakePool.StartAsync(o => (o.MinProcesses, o.MaxProcesses, o.DrainTimeout) = (1, 1, TimeSpan.FromSeconds(15)), time);
        var held = fake.BuildAsync("gate");
        await fake.Logs.BuildStartedAsync("gate");

        var stopping = fake.Pool.StopAsync();
        time.Advance(TimeSpan.FromSeconds(15));

        // Our own kill: a plain process failure (not a crash the source could be blamed for).
        var failure = await Assert.ThrowsAsync<NodeProcessException>(() => held);
        Assert.Equal(NodeProcessFailure.ExitedDuringRequest, failure.Failure);
        await stopping;
        Assert.Equal("pool stopping", (await fake.NextRetiredAsync()).Reason);
    }

    [Fact]
    public async Task A_process_over_its_memory_limit_is_recycled_after_the_build_it_served()
    {
        await using var fake = await FakePool.StartAsync(o => (o.MinProcesses, o.MaxProcesses, o.MaxMemoryMegabytes) = (1, 1, 512));
        var bloated = await fake.BuildAsync("bloat");

        Assert.True(bloated.Response.GetProperty("ok").GetBoolean());
        var (retired, reason) = await fake.NextRetiredAsync();
        Assert.Equal(bloated.ProcessId, retired);
        Assert.Contains("MaxMemoryMegabytes", reason, StringComparison.Ordinal);
        Assert.NotEqual(bloated.ProcessId, (await fake.BuildAsync("next")).ProcessId);
        Assert.Equal(1, fake.Pool.GetStats().Recycled);
    }

    [Fact]
    public async Task A_process_is_recycled_after_its_maximum_number_of_builds()
    {
        await using var fake = await FakePool.StartAsync(o => (o.MinProcesses, o.MaxProcesses, o.MaxBuildsPerProcess) = (1, 1, 2));
        var first = await fake.BuildAsync("1");
        var second = await fake.BuildAsync("2");
        var (_, reason) = await fake.NextRetiredAsync();
        var third = await fake.BuildAsync("3");

        Assert.Equal(first.ProcessId, second.ProcessId);
        Assert.NotEqual(second.ProcessId, third.ProcessId);
        Assert.Contains("MaxBuildsPerProcess", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_process_that_stops_answering_its_status_is_replaced_but_its_build_succeeds()
    {
        await using var fake = await FakePool.StartAsync(o => (o.MinProcesses, o.MaxProcesses, o.RequestTimeout) = (1, 1, TimeSpan.FromMilliseconds(300)));
        var muted = await fake.BuildAsync("mute");

        Assert.True(muted.Response.GetProperty("ok").GetBoolean());
        var (retired, reason) = await fake.NextRetiredAsync();
        Assert.Equal(muted.ProcessId, retired);
        Assert.Contains("did not answer its status request", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_process_that_dies_while_idle_is_replaced()
    {
        await using var fake = await FakePool.StartAsync(o => (o.MinProcesses, o.MaxProcesses) = (1, 1));
        var before = await fake.BuildAsync("before");
        using (var process = Process.GetProcessById(before.ProcessId))
        {
            process.Kill();
        }

        var (_, reason) = await fake.NextRetiredAsync();
        var after = await fake.BuildAsync("after");

        Assert.Equal("exited while idle", reason);
        Assert.NotEqual(before.ProcessId, after.ProcessId);
    }
}
