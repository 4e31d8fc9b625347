using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workers.Build.Pool;

// Starting, handing over and retiring processes. Every *Locked method runs under _gate.
internal sealed partial class NodeProcessPool
{
    private const long Megabyte = 1024 * 1024;

    private async Task<NodeProcess> StartProcessAsync(CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _numbers);
        var process = await NodeProcess.StartAsync(number, _location, _options, time, logger, cancellationToken);
        Toolchain = process.Toolchain;
        Log.ProcessStarted(logger, process.Number, process.Pid, process.Toolchain.Json);
        _ = process.Exited.ContinueWith(_ => OnExited(process), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return process;
    }

    private async Task<NodeProcess> StartForCallerAsync(CancellationToken cancellationToken)
    {
        NodeProcess process;
        try
        {
            process = await StartProcessAsync(cancellationToken);
        }
        catch
        {
            lock (_gate)
            {
                _starting--;
            }

            throw;
        }

        lock (_gate)
        {
            _starting--;
            _all.Add(process);
            _busy.Add(process);
        }

        if (_closed)
        {
            Release(process);
            throw new PoolUnavailableException("The build pool is stopping.");
        }

        return process;
    }

    private async Task<NodeProcess> WaitAsync(
        TaskCompletionSource<NodeProcess> waiter,
        LinkedListNode<TaskCompletionSource<NodeProcess>> place,
        CancellationToken cancellationToken)
    {
        try
        {
            return await waiter.Task.WaitAsync(_options.AcquireTimeout, time, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            lock (_gate)
            {
                if (place.List is not null)
                {
                    _waiters.Remove(place);
                }
            }

            // Handed a process in the instant it gave up: give it back.
            if (waiter.Task.IsCompletedSuccessfully)
            {
                Release(waiter.Task.Result, used: false);
            }

            waiter.TrySetCanceled(CancellationToken.None);
            if (ex is TimeoutException)
            {
                throw new PoolUnavailableException($"All {_options.MaxProcesses} build servers stayed busy for {_options.AcquireTimeout.TotalSeconds:0.###} s (BuildPool:AcquireTimeout).");
            }

            throw;
        }
    }

    private async Task StartInBackgroundAsync()
    {
        try
        {
            var process = await StartProcessAsync(CancellationToken.None);
            Offer(process, fromStarting: true);
        }
#pragma warning disable CA1031 // A failed replacement is logged and retried by the next health check; a waiting build learns of it now.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ReplacementFailed(logger, ex);
            lock (_gate)
            {
                _starting--;
                if (_waiters.First is { } first)
                {
                    _waiters.RemoveFirst();
                    first.Value.TrySetException(ex);
                }
            }
        }
    }

    private void Offer(NodeProcess process, bool fromStarting = false)
    {
        lock (_gate)
        {
            if (fromStarting)
            {
                _starting--;
            }

            _all.Add(process);
            if (_closed)
            {
                RetireLocked(process, "pool stopping", recycle: false, kill: false);
                return;
            }

            HandOverLocked(process);
            ReplenishLocked();
        }
    }

    private void HandOverLocked(NodeProcess process)
    {
        while (_waiters.First is { } first)
        {
            _waiters.RemoveFirst();
            _busy.Add(process);
            if (first.Value.TrySetResult(process))
            {
                return;
            }

            _busy.Remove(process);
        }

        _idle.Push(process);
    }

    // Starts what the pool lacks: MinProcesses, and one process per caller waiting beyond those already starting.
    private void ReplenishLocked()
    {
        if (_closed)
        {
            return;
        }

        var present = _all.Count + _starting;
        var wanted = Math.Max(_options.MinProcesses - present, _waiters.Count - _starting);
        wanted = Math.Min(wanted, _options.MaxProcesses - present);
        for (var i = 0; i < wanted; i++)
        {
            _starting++;
            _ = Task.Run(StartInBackgroundAsync);
        }
    }

    private void RetireLocked(NodeProcess process, string reason, bool recycle, bool kill)
    {
        if (!_all.Remove(process))
        {
            return;
        }

        _busy.Remove(process);
        if (_idle.Contains(process))
        {
            var rest = _idle.Where(p => p != process).Reverse().ToList();
            _idle.Clear();
            rest.ForEach(_idle.Push);
        }

        if (recycle)
        {
            _recycled++;
        }
        else if (!_closed)
        {
            _idleStopped++;
        }

        Log.ProcessRetired(logger, process.Number, process.Pid, reason, process.Builds, process.LastRssBytes / Megabyte);
        _stopping.RemoveAll(t => t.IsCompleted);

        // A process that failed is killed at once; a healthy one gets to dispose its bundler contexts.
        _stopping.Add(Task.Run(() => kill ? process.DisposeAsync().AsTask() : process.StopAsync(_options.RequestTimeout)));
    }

    private void OnExited(NodeProcess process)
    {
        lock (_gate)
        {
            // A busy process's build sees the exit itself and releases it with the reason.
            if (_all.Contains(process) && !_busy.Contains(process))
            {
                RetireLocked(process, "exited while idle", recycle: true, kill: true);
                ReplenishLocked();
            }
        }
    }

    private string? RecycleReason(NodeProcess process) =>
        process.HasExited ? "exited"
        : process.Builds >= _options.MaxBuildsPerProcess ? $"served {process.Builds} builds (BuildPool:MaxBuildsPerProcess)"
        : process.Age >= _options.MaxProcessAge ? $"is {process.Age.TotalMinutes:0.#} min old (BuildPool:MaxProcessAge)"
        : process.LastRssBytes > _options.MaxMemoryMegabytes * Megabyte ? $"uses {process.LastRssBytes / Megabyte} MB (BuildPool:MaxMemoryMegabytes {_options.MaxMemoryMegabytes})"
        : null;

    // Asks a held process for its status and records its memory; returns why it failed, or null. Limits (memory
    // included) are judged by Release.
    private async Task<string?> RefreshStatusAsync(NodeProcess process)
    {
        try
        {
            var status = await process.RequestAsync(new JsonObject { ["cmd"] = "status" }, _options.RequestTimeout, CancellationToken.None);
            if (status.TryGetProperty("memory", out var memory) && memory.ValueKind == JsonValueKind.Object)
            {
                process.LastRssBytes = memory.TryGetProperty("rss", out var rss) && rss.TryGetInt64(out var r) ? r : 0;
            }

            return null;
        }
        catch (NodeProcessException ex)
        {
            return $"did not answer its status request: {ex.Message}";
        }
    }
}
