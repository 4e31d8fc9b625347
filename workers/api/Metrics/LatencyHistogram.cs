namespace Workers.Api.Metrics;

// A lock-free latency histogram: log-spaced buckets 5 % wide from 10 µs to ~2 min, each an Interlocked
// counter, so recording costs one increment and never blocks a request. Percentiles are read as the upper
// bound of the bucket they fall in (at most 5 % high); counts since start, never reset.
internal sealed class LatencyHistogram
{
    private const double Growth = 1.05;
    private const double MinMicroseconds = 10;
    private static readonly double LogGrowth = Math.Log(Growth);

    // ln(120 s / 10 µs) / ln(1.05) ≈ 335 buckets, plus one below the first bound.
    private readonly long[] _buckets = new long[340];
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Record(TimeSpan elapsed)
    {
        var micros = elapsed.TotalMicroseconds;
        var index = micros <= MinMicroseconds ? 0 : 1 + (int)(Math.Log(micros / MinMicroseconds) / LogGrowth);
        Interlocked.Increment(ref _buckets[Math.Min(index, _buckets.Length - 1)]);
        Interlocked.Increment(ref _count);
    }

    // The q-quantile (0 < q ≤ 1) in milliseconds; 0 before anything was recorded.
    public double Percentile(double q)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= rank)
            {
                return UpperBoundMicroseconds(i) / 1000;
            }
        }

        return UpperBoundMicroseconds(_buckets.Length - 1) / 1000;
    }

    private static double UpperBoundMicroseconds(int index) => MinMicroseconds * Math.Pow(Growth, index);
}
