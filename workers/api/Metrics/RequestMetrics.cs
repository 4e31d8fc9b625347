using System.Diagnostics;

namespace Workers.Api.Metrics;

// What GET /api/metrics reports (seed 001): requests, errors, latency percentiles, memory. Counted by
// RequestMetricsMiddleware for every request but the metrics endpoint's own.
internal sealed class RequestMetrics(TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private long _serverErrors;
    private long _clientErrors;

    public LatencyHistogram Latency { get; } = new();

    public void Record(TimeSpan elapsed, int status)
    {
        Latency.Record(elapsed);
        if (status >= 500)
        {
            Interlocked.Increment(ref _serverErrors);
        }
        else if (status >= 400)
        {
            Interlocked.Increment(ref _clientErrors);
        }
    }

    public MetricsSnapshot Snapshot()
    {
        using var process = Process.GetCurrentProcess();
        var requests = Latency.Count;
        var errors = Interlocked.Read(ref _serverErrors);
        return new MetricsSnapshot(
            requests,
            errors,
            Interlocked.Read(ref _clientErrors),
            requests == 0 ? 0 : (double)errors / requests,
            new LatencySnapshot(Latency.Percentile(0.50), Latency.Percentile(0.95), Latency.Percentile(0.99)),
            new MemorySnapshot(process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false), GC.CollectionCount(2)),
            time.GetElapsedTime(_started).TotalSeconds);
    }
}
