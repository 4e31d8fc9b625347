namespace Workers.Api.Metrics;

// GET /api/metrics. Errors are 5xx answers (the service's failures); 4xx are the clients' and counted apart.
internal sealed record MetricsSnapshot(
    long Requests,
    long Errors,
    long ClientErrors,
    double ErrorRate,
    LatencySnapshot LatencyMs,
    MemorySnapshot Memory,
    double UptimeSeconds);

internal sealed record LatencySnapshot(double P50, double P95, double P99);

internal sealed record MemorySnapshot(long WorkingSetBytes, long ManagedHeapBytes, int Gen2Collections);
