namespace Workers.Build.Pool;

// The periodic health check (every BuildPool:HealthCheckInterval, driven by the host through the TimeProvider).
internal sealed partial class NodeProcessPool
{
    // Takes every idle process in turn: stops those idle longer than MaxIdleTime while the pool has more than
    // MinProcesses, retires those past their age or memory limit or not answering, and starts what is missing.
    public async Task CheckHealthAsync()
    {
        List<NodeProcess> idle;
        int surplus;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            // Least recently used first (the bottom of the stack): those are the ones to stop.
            idle = [.. _idle.Reverse()];
            _idle.Clear();
            idle.ForEach(p => _busy.Add(p));
            surplus = _all.Count + _starting - _options.MinProcesses;
        }

        var now = time.GetUtcNow();
        foreach (var process in idle)
        {
            var idleFor = now - process.LastUsedAt;
            if (surplus > 0 && idleFor >= _options.MaxIdleTime)
            {
                surplus--;
                lock (_gate)
                {
                    RetireLocked(process, $"idle for {idleFor.TotalSeconds:0} s (BuildPool:MaxIdleTime)", recycle: false, kill: false);
                }

                continue;
            }

            var failure = process.HasExited ? "exited" : await RefreshStatusAsync(process);
            Release(process, failure, used: false);
        }

        lock (_gate)
        {
            ReplenishLocked();
        }
    }
}
