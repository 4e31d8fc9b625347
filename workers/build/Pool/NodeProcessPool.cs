using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workers.Build.Pool;

// Owns up to MaxProcesses warm build servers. A build acquires one process exclusively (never two builds on one
// process), runs, and releases it: to the longest-waiting caller, else to the idle stack (most recently used on
// top, so the bottom ones age out and are stopped by the health check). A process that crashed, timed out,
// stopped answering or outgrew its memory, age or build count is retired and a replacement started when
// callers wait or the pool is under MinProcesses; builds on other processes never notice.
internal sealed partial class NodeProcessPool(IOptions<PoolOptions> options, TimeProvider time, ILogger<NodeProcessPool> logger)
    : IAsyncDisposable
{
    private readonly PoolOptions _options = options.Value;
    private readonly NodeServerLocation _location = NodeServerLocation.Resolve(options.Value);

    // Where the build server runs from: the image's node/, or a repository's workers/build/node.
    public string WorkDirectory => _location.WorkDirectory;
    private readonly Lock _gate = new();
    private readonly List<NodeProcess> _all = [];
    private readonly Stack<NodeProcess> _idle = new();
    private readonly HashSet<NodeProcess> _busy = [];
    private readonly LinkedList<TaskCompletionSource<NodeProcess>> _waiters = new();
    private readonly List<Task> _stopping = [];
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _starting;
    private int _numbers;
    private long _recycled;
    private long _idleStopped;
    private long _builds;
    private double _buildMilliseconds;
    private bool _closed;

    // The toolchain of the newest process; every process runs the same script, so any will do.
    public BuildToolchain Toolchain { get; private set; } = BuildToolchain.Unknown;

    // Starts MinProcesses servers and waits for them: a worker whose build server cannot start must not take
    // messages. At least one is started even with MinProcesses 0, to learn the toolchain and fail fast.
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var first = Math.Max(1, _options.MinProcesses);
        var started = await Task.WhenAll(Enumerable.Range(0, first).Select(_ => StartProcessAsync(cancellationToken)));
        foreach (var process in started)
        {
            Offer(process);
        }
    }

    public async Task<NodeProcess> AcquireAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<NodeProcess> waiter;
        LinkedListNode<TaskCompletionSource<NodeProcess>> place;
        lock (_gate)
        {
            ThrowIfClosed();
            while (_idle.TryPop(out var idle))
            {
                if (!idle.HasExited)
                {
                    _busy.Add(idle);
                    return idle;
                }

                RetireLocked(idle, "exited while idle", recycle: true, kill: true);
            }

            if (_all.Count + _starting < _options.MaxProcesses)
            {
                _starting++;
                waiter = null!;
                place = null!;
            }
            else
            {
                waiter = new TaskCompletionSource<NodeProcess>(TaskCreationOptions.RunContinuationsAsynchronously);
                place = _waiters.AddLast(waiter);
            }
        }

        return waiter is null ? await StartForCallerAsync(cancellationToken) : await WaitAsync(waiter, place, cancellationToken);
    }

    // Hands a process back after a request. `failure` (the caller saw it fail) kills and replaces it; otherwise
    // it is retired gracefully if it outgrew a limit, else given to a waiting caller or made idle.
    public void Release(NodeProcess process, string? failure = null, bool used = true)
    {
        var reason = failure ?? RecycleReason(process);
        lock (_gate)
        {
            _busy.Remove(process);
            if (reason is not null || _closed)
            {
                RetireLocked(process, reason ?? "pool stopping", recycle: reason is not null, kill: failure is not null);
            }
            else
            {
                if (used)
                {
                    process.LastUsedAt = time.GetUtcNow();
                }

                HandOverLocked(process);
            }

            ReplenishLocked();
            if (_closed && _busy.Count == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    public async Task<BuildExecution> ExecuteBuildAsync(JsonObject request, CancellationToken cancellationToken)
    {
        using var activity = PoolActivity.StartBuild(request["options"]?["engine"]?.ToString());
        try
        {
            return await ExecuteBuildCoreAsync(request, activity, cancellationToken);
        }
        catch (Exception ex)
        {
            PoolActivity.Failed(activity, ex);
            throw;
        }
    }

    private async Task<BuildExecution> ExecuteBuildCoreAsync(JsonObject request, System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        var waiting = time.GetTimestamp();
        var process = await AcquireAsync(cancellationToken);
        PoolActivity.Acquired(activity, process, time.GetElapsedTime(waiting));
        var started = time.GetTimestamp();
        System.Text.Json.JsonElement response;
        try
        {
            response = await process.RequestAsync(request, _options.BuildTimeout, cancellationToken);
        }
        catch (NodeProcessException ex) when (ex.Failure == NodeProcessFailure.Timeout)
        {
            Release(process, $"build ran past {_options.BuildTimeout.TotalSeconds:0.###} s");
            throw new BuildTimedOutException(_options.BuildTimeout, process.Pid);
        }
        catch (NodeProcessException ex) when (ex.Failure == NodeProcessFailure.ExitedDuringRequest && !process.KillRequested)
        {
            // It died holding this build and not by our hand: the source may be what kills it (the handler
            // decides), or the OOM killer or an operator may have.
            var exitCode = await process.ExitCodeAsync(_options.RequestTimeout);
            var crash = new BuildServerCrashedException(process.Pid, exitCode, ex);
            Release(process, $"died during a build with {ExitCodes.Describe(exitCode)}");
            throw crash;
        }
        catch (NodeProcessException ex)
        {
            Release(process, $"failed during a build: {ex.Message}");
            throw;
        }
        catch (OperationCanceledException)
        {
            // The child may still be building; it cannot take another request before it answers this one.
            Release(process, "build cancelled (task timeout or shutdown)");
            throw;
        }

        var elapsed = time.GetElapsedTime(started);
        lock (_gate)
        {
            process.Builds++;
            _builds++;
            _buildMilliseconds += elapsed.TotalMilliseconds;
        }

        // Memory is read after every build (~0.5 ms round trip) so a process is recycled before, not after, it
        // grows past the limit on the next build.
        Release(process, await RefreshStatusAsync(process));
        return new BuildExecution(response, process.Pid, process.Number, elapsed, process.Toolchain);
    }

    public PoolStats GetStats()
    {
        lock (_gate)
        {
            return new PoolStats(
                _all.Count,
                _busy.Count,
                _idle.Count,
                _starting,
                _waiters.Count,
                _recycled,
                _idleStopped,
                _builds,
                _builds == 0 ? 0 : _buildMilliseconds / _builds,
                _all.Sum(p => p.LastRssBytes));
        }
    }

    // Drains (running builds finish, up to DrainTimeout), then stops every process; new acquires fail at once.
    public async Task StopAsync()
    {
        lock (_gate)
        {
            _closed = true;
            foreach (var waiter in _waiters)
            {
                waiter.TrySetException(new PoolUnavailableException("The build pool is stopping."));
            }

            _waiters.Clear();
            if (_busy.Count == 0)
            {
                _drained.TrySetResult();
            }
        }

        await _drained.Task.WaitAsync(_options.DrainTimeout, time).ContinueWith(static _ => { }, TaskScheduler.Default);
        List<Task> stops;
        lock (_gate)
        {
            foreach (var process in _all.ToList())
            {
                RetireLocked(process, "pool stopping", recycle: false, kill: _busy.Contains(process));
            }

            stops = [.. _stopping];
        }

        await Task.WhenAll(stops);
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private void ThrowIfClosed()
    {
        if (_closed)
        {
            throw new PoolUnavailableException("The build pool is stopping.");
        }
    }
}
