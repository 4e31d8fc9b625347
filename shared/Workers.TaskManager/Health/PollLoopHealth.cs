using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Workers.TaskManager.Health;

// Whether the consumer is making progress. Each poller reports when a receive completes; a poller waiting for a
// free in-flight slot counts as alive while handlers keep finishing. A poller that has done neither for longer
// than a receive, the slowest handler and a margin can take is wedged, and the worker reports unhealthy so ECS
// replaces the task.
//
// While a dependency is down the pollers wait on purpose, and the worker stays healthy: ECS replacing it would
// not bring the database back, and the replacement would drop the messages this one holds (they would come back
// after their visibility timeout, each having spent a receive). The outage shows in the health text, the logs
// and the DependencyUnavailableSeconds metric instead; the queue-age alarm fires if it lasts.
internal sealed class PollLoopHealth(TimeProvider time)
{
    private readonly Lock _gate = new();
    private long[] _lastActivity = [];
    private long _lastSettled;
    private TimeSpan _stallAfter;
    private string _state = "starting";
    private string? _failure;
    private readonly Dictionary<string, long> _unavailable = new(StringComparer.Ordinal);

    public void Started(int pollers, TimeSpan stallAfter)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            _lastActivity = Enumerable.Repeat(now, pollers).ToArray();
            _lastSettled = now;
            _stallAfter = stallAfter;
            _state = "running";
        }
    }

    public void Polled(int poller) => Volatile.Write(ref _lastActivity[poller], time.GetTimestamp());

    public void WaitingForCapacity(int poller)
    {
        if (time.GetElapsedTime(Volatile.Read(ref _lastSettled)) < _stallAfter)
        {
            Polled(poller);
        }
    }

    public void Settled() => Volatile.Write(ref _lastSettled, time.GetTimestamp());

    public void DependencyUnavailable(string dependency)
    {
        lock (_gate)
        {
            _unavailable.TryAdd(dependency, time.GetTimestamp());
        }
    }

    // When the last one is back the pollers start again: the time they waited is not a stall.
    public void DependencyRestored(string dependency, bool allRestored)
    {
        lock (_gate)
        {
            _unavailable.Remove(dependency);
            if (allRestored)
            {
                var now = time.GetTimestamp();
                Array.Fill(_lastActivity, now);
                _lastSettled = now;
            }
        }
    }

    public void Draining()
    {
        lock (_gate)
        {
            _state = "draining";
        }
    }

    public void Stopped(Exception? failure)
    {
        lock (_gate)
        {
            _state = failure is null ? "stopped" : "failed";
            _failure = failure?.Message;
        }
    }

    public HealthCheckResult Evaluate()
    {
        lock (_gate)
        {
            switch (_state)
            {
                case "failed":
                    return HealthCheckResult.Unhealthy($"The consumer failed: {_failure}");
                case "starting" or "draining" or "stopped":
                    return HealthCheckResult.Healthy($"The consumer is {_state}.");
                default:
                    break;
            }

            if (_unavailable.Count > 0)
            {
                var waiting = string.Join(", ", _unavailable.Select(d => $"{d.Key} for {time.GetElapsedTime(d.Value).TotalSeconds:0} s"));
                return HealthCheckResult.Healthy($"Waiting for {waiting}: receiving is paused and held messages resume when it is back.");
            }

            for (var i = 0; i < _lastActivity.Length; i++)
            {
                var idle = time.GetElapsedTime(Volatile.Read(ref _lastActivity[i]));
                if (idle > _stallAfter)
                {
                    return HealthCheckResult.Unhealthy(
                        $"Poller {i} has made no progress for {idle.TotalSeconds:0} s (limit {_stallAfter.TotalSeconds:0} s): the poll loop is wedged or every in-flight slot is held by a handler that does not finish.");
                }
            }

            return HealthCheckResult.Healthy("Polling.");
        }
    }
}
