namespace Workers.Benchmarks.Builds;

// Nearest-rank percentiles of a sample.
internal static class Percentiles
{
    public static double Of(IReadOnlyCollection<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
