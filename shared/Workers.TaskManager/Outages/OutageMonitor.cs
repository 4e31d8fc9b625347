using Microsoft.Extensions.Logging;
using Workers.TaskManager.Health;
using Workers.TaskManager.Options;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Outages;

// The worker's circuit breakers, one per dependency that is down. While any is open the pollers receive
// nothing; messages that met the outage are held (the heartbeat keeps them invisible, their receive counts do
// not rise) until a probe finds the dependency back, then retried in place in their groups' order. A dependency
// with an IDependencyProbe (PostgreSQL, S3) is probed directly; any other is probed by running its oldest held
// message again. Probes back off exponentially up to ProbeMaxDelay (and never sooner than a Retry-After).
internal sealed class OutageMonitor(
    IEnumerable<IDependencyProbe> probes,
    OutageOptions options,
    PollLoopHealth health,
    TaskManagerMetrics metrics,
    TimeProvider time,
    ILogger logger) : IAsyncDisposable
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, IDependencyProbe> _probes = probes.ToDictionary(p => p.Dependency, StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DependencyCircuit> _open = new(StringComparer.Ordinal);
    private readonly HashSet<DependencyCircuit> _recovered = [];
    private readonly List<Task> _loops = [];
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _receiving = Completed();

    // Runs when a dependency answers again, before held messages resume (error records written during the
    // outage go first, so a record never lands after the task's later success). Throwing keeps the circuit open.
    public Func<string, CancellationToken, Task>? BeforeResume { get; set; }

    public bool Enabled => options.MaxHold > TimeSpan.Zero;

    // Completes when no dependency is known to be down. The pollers wait for it before each receive.
    public Task WhenReceivingAsync(CancellationToken cancellationToken)
    {
        Task receiving;
        lock (_gate)
        {
            receiving = _receiving.Task;
        }

        return receiving.IsCompleted ? Task.CompletedTask : receiving.WaitAsync(cancellationToken);
    }

    // A task failed because `dependency` is down: opens its circuit (starting the probes) if it is not open, or,
    // when the failing message was the probe, tells the probe loop to back off again.
    public void Unavailable(string dependency, Exception exception, TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            if (_open.TryGetValue(dependency, out var circuit))
            {
                circuit.RetryAfter = retryAfter ?? circuit.RetryAfter;
                circuit.ProbeDone?.TrySetResult();
                return;
            }

            if (_stop.IsCancellationRequested)
            {
                return;
            }

            circuit = new DependencyCircuit(dependency, _probes.GetValueOrDefault(dependency), time.GetTimestamp()) { RetryAfter = retryAfter };
            _open.Add(dependency, circuit);
            if (_receiving.Task.IsCompleted)
            {
                _receiving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            health.DependencyUnavailable(dependency);
            Log.DependencyUnavailable(logger, exception, dependency, circuit.Probe is null ? "retrying a held message" : "its probe");
            _loops.Add(Task.Run(() => ProbeLoopAsync(circuit)));
        }
    }

    // A dependency already known to be down, if any: a failure meanwhile may well be its doing, so it is held
    // too (if it was the task's own, it fails again once the dependency is back, and is retried as usual then).
    public string? AnyUnavailable()
    {
        lock (_gate)
        {
            return _open.Keys.FirstOrDefault();
        }
    }

    // Asks the dependency's probe whether it is down now; false when it answers or has no probe.
    public async Task<bool> IsDownAsync(string dependency)
    {
        if (!_probes.TryGetValue(dependency, out var probe))
        {
            return false;
        }

        using var timeout = new CancellationTokenSource(ProbeTimeout);
        try
        {
            await probe.ProbeAsync(timeout.Token);
            return false;
        }
#pragma warning disable CA1031 // Any failure of the probe means the dependency does not answer.
        catch (Exception)
#pragma warning restore CA1031
        {
            return true;
        }
    }

    // A held message left without showing whether the dependency is back (its hold ran out while it ran as the
    // probe): the probe loop must not wait for its answer.
    public void Left(string dependency)
    {
        DependencyCircuit? circuit;
        lock (_gate)
        {
            circuit = _open.GetValueOrDefault(dependency);
        }

        circuit?.ProbeDone?.TrySetResult();
    }

    // A held message ran again without meeting the outage: the dependency answers.
    public void Recovered(string dependency)
    {
        DependencyCircuit? circuit;
        lock (_gate)
        {
            circuit = _open.GetValueOrDefault(dependency);
        }

        if (circuit is null)
        {
            return;
        }

        lock (_gate)
        {
            _recovered.Add(circuit);
        }

        circuit.ProbeDone?.TrySetResult(); // wakes the probe loop, which closes the circuit
    }

    // Waits, holding `message`, until its dependency is back (Retry), it is this dependency's turn to be the
    // probe (Retry), the hold bound passes (Expired) or the worker stops (Stopping).
    public async Task<HoldEnd> HoldAsync(HeldDelivery held, CancellationToken stopping)
    {
        DependencyCircuit? circuit;
        var ticket = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        LinkedListNode<TaskCompletionSource>? place = null;
        lock (_gate)
        {
            circuit = _open.GetValueOrDefault(held.Dependency);
            if (circuit is not null)
            {
                circuit.Held++;
                place = circuit.Waiting.AddLast(ticket);
            }
        }

        if (circuit is null)
        {
            return HoldEnd.Retry; // closed in the meantime
        }

        var left = options.MaxHold - time.GetElapsedTime(held.Since);
        try
        {
            if (left <= TimeSpan.Zero)
            {
                return HoldEnd.Expired;
            }

            using var timer = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var expiry = Task.Delay(left, time, timer.Token);
            await Task.WhenAny(circuit.Closed, ticket.Task, expiry);
            await timer.CancelAsync();
            if (circuit.IsClosed || ticket.Task.IsCompleted)
            {
                return HoldEnd.Retry;
            }

            return stopping.IsCancellationRequested ? HoldEnd.Stopping : HoldEnd.Expired;
        }
        finally
        {
            lock (_gate)
            {
                circuit.Held--;
                if (place?.List is not null)
                {
                    circuit.Waiting.Remove(place);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Task[] loops;
        lock (_gate)
        {
            loops = [.. _loops];
        }

        await Task.WhenAll(loops);
        _stop.Dispose();
    }

    private async Task ProbeLoopAsync(DependencyCircuit circuit)
    {
        try
        {
            while (true)
            {
                var delay = ProbeDelay(circuit.FailedProbes);
                if (circuit.RetryAfter is { } after && after > delay)
                {
                    delay = after;
                }

                circuit.RetryAfter = null;
                if (!HasRecovered(circuit))
                {
                    await Task.Delay(delay, time, _stop.Token);
                }

                AccountOutage(circuit);
                if (HasRecovered(circuit) || await ProbeAsync(circuit))
                {
                    if (await TryCloseAsync(circuit))
                    {
                        return;
                    }
                }

                circuit.FailedProbes++;
                Log.DependencyStillUnavailable(logger, circuit.Dependency, circuit.FailedProbes, time.GetElapsedTime(circuit.OpenedAt), circuit.Held);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The consumer stopped; held messages were released by the scheduler.
        }
    }

    private bool HasRecovered(DependencyCircuit circuit)
    {
        lock (_gate)
        {
            return _recovered.Contains(circuit);
        }
    }

    // ProbeBaseDelay × 2^n ± 20 %, at most ProbeMaxDelay: a dependency that stays down is asked less and less
    // often, and workers that met the same outage do not probe in step.
    private TimeSpan ProbeDelay(int failedProbes)
    {
        var delay = options.ProbeBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failedProbes, 20));
#pragma warning disable CA5394 // Jitter, not security.
        delay *= 0.8 + (Random.Shared.NextDouble() * 0.4);
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(Math.Min(delay, options.ProbeMaxDelay.TotalMilliseconds));
    }

    // True when the dependency answered: its own probe, or one held message run again.
    private async Task<bool> ProbeAsync(DependencyCircuit circuit)
    {
        if (circuit.Probe is { } probe)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(ProbeTimeout);
            try
            {
                await probe.ProbeAsync(timeout.Token);
                return true;
            }
            catch (Exception ex) when (!_stop.IsCancellationRequested)
            {
                Log.ProbeFailed(logger, circuit.Dependency, ex.Message);
                return false;
            }
        }

        TaskCompletionSource failed;
        lock (_gate)
        {
            if (circuit.Waiting.First is not { } oldest)
            {
                // Every held message has gone back (its hold expired): nothing left to probe with, so receiving
                // resumes and the next message that meets the outage opens the circuit again.
                return true;
            }

            circuit.Waiting.RemoveFirst();
            failed = circuit.ProbeDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            oldest.Value.TrySetResult();
        }

        // The probe message either meets the outage again (Unavailable) or gets past it (Recovered); both end
        // this wait, and Recovered leaves its mark.
        await failed.Task.WaitAsync(_stop.Token);
        return HasRecovered(circuit);
    }

    private async Task<bool> TryCloseAsync(DependencyCircuit circuit)
    {
        if (BeforeResume is { } beforeResume)
        {
            try
            {
                await beforeResume(circuit.Dependency, _stop.Token);
            }
            catch (Exception ex) when (!_stop.IsCancellationRequested)
            {
                // Not back after all (or the database the records wait for is not): probe again after the
                // backoff, not at once.
                lock (_gate)
                {
                    _recovered.Remove(circuit);
                }

                Log.ProbeFailed(logger, circuit.Dependency, ex.Message);
                return false;
            }
        }

        int held;
        lock (_gate)
        {
            _open.Remove(circuit.Dependency);
            _recovered.Remove(circuit);
            held = circuit.Held;
            circuit.Close();
            if (_open.Count == 0)
            {
                _receiving.TrySetResult();
            }

            health.DependencyRestored(circuit.Dependency, _open.Count == 0);
        }

        AccountOutage(circuit);
        Log.DependencyRestored(logger, circuit.Dependency, time.GetElapsedTime(circuit.OpenedAt), held);
        return true;
    }

    private void AccountOutage(DependencyCircuit circuit)
    {
        var now = time.GetTimestamp();
        metrics.DependencyUnavailable(circuit.Dependency, time.GetElapsedTime(circuit.Accounted, now));
        circuit.Accounted = now;
    }

    private static TaskCompletionSource Completed()
    {
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        completed.SetResult();
        return completed;
    }
}
