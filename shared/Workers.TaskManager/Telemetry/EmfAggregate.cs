namespace Workers.TaskManager.Telemetry;

// One task type's measurements since the last flush. Durations are kept as a uniform sample of at most 100
// (reservoir sampling): an EMF metric value array holds at most 100 numbers, and a sample keeps percentiles
// honest where "the first 100" would not.
internal sealed class EmfAggregate
{
    public const int MaxValues = 100;

    private readonly Lock _gate = new();
    private readonly List<double> _durations = new(MaxValues);
    private long _seen;

    public long Succeeded;
    public long Failed;
    public long DeadLettered;
    public long Duplicates;

    public void AddDuration(double milliseconds)
    {
        lock (_gate)
        {
            _seen++;
            if (_durations.Count < MaxValues)
            {
                _durations.Add(milliseconds);
                return;
            }

#pragma warning disable CA5394 // Sampling for a metric, not security.
            var slot = Random.Shared.NextInt64(_seen);
#pragma warning restore CA5394
            if (slot < MaxValues)
            {
                _durations[(int)slot] = milliseconds;
            }
        }
    }

    public double[] Durations()
    {
        lock (_gate)
        {
            return [.. _durations];
        }
    }
}
