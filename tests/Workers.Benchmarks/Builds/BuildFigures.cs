using System.Globalization;
using Workers.Testing;

namespace Workers.Benchmarks.Builds;

// Issue #3's figures, in one run on the local stack, every build of a source no earlier build has seen (except
// the cache hits, which repeat (c)'s sources on purpose):
// (a) pool build time, (b) the original design (spawn `vite build` per request) and the ratio, (c) enqueue →
// bundle stored and record committed, (d) sustained builds/s at the default pool size, (e) cache-hit latency,
// (f) a build server's resident memory over 1,000 builds.
internal static class BuildFigures
{
    public static async Task RunAsync(LocalStack stack, Report report)
    {
        var pool = await PoolBench.BuildTimesAsync(builds: 500, seed: 100_000);
        Percentile(report, "(a) pool build time, esbuild engine, 500 distinct sources, one at a time", pool, "ms (target p50 ≤ 15)");

        var vite = new List<double>();
        using (var baseline = new ViteCliBaseline(PoolBench.NodeDirectory))
        {
            await baseline.BuildAsync(Components.Distinct(199_999)); // warm the page cache, as a busy worker's would be
            for (var i = 0; i < 20; i++)
            {
                vite.Add(await baseline.BuildAsync(Components.Distinct(200_000 + i)));
            }
        }

        Percentile(report, "(b) original design: write the source, spawn `vite build`, 20 distinct sources", vite, "ms");
        report.Ratio("(b) original design p50 / pool p50", Percentiles.Of(vite, 50) / Percentiles.Of(pool, 50), "× faster (target ≥ 30)");

        await using (var worker = await BuildWorkerBench.StartAsync(stack))
        {
            await worker.LatenciesAsync(Enumerable.Range(299_990, 10).Select(Components.Distinct)); // warm-up
            var sources = Enumerable.Range(300_000, 200).Select(Components.Distinct).ToList();
            Percentile(report, "(c) enqueue → bundle in S3 and record committed, 200 builds one at a time", await worker.LatenciesAsync(sources), "ms (target p50 ≤ 100)");
            Percentile(report, "(e) cache hit: (c)'s sources again under new build ids, enqueue → Succeeded", await worker.LatenciesAsync(sources), "ms");

            var burst = Enumerable.Range(400_000, 1_000).Select(Components.Distinct).ToList();
            var rate = await worker.BuildsPerSecondAsync(burst);
            report.Value("(d) sustained: 1,000 builds enqueued at once, default pool (2–5 processes), enqueue → all Succeeded", Format(rate), "builds/s (target ≥ 50)");
            var (built, hits, other) = await worker.RecordsAsync();
            report.Value("build records written by the worker: built / cache hits / other", $"{built} / {hits} / {other}", "records");
            report.Value("build worker process peak RSS (VmHWM), .NET side only", Format(worker.WorkerPeakRssMegabytes()), "MiB");
        }

        var rss = await PoolBench.RssAsync(builds: 1_000, every: 100, seed: 500_000);
        report.Value("(f) build server RSS over 1,000 builds (after build 1, 100, 200, …, 1000)", string.Join(" → ", rss.Select(s => Format(s.RssMegabytes))), "MiB");
    }

    private static void Percentile(Report report, string what, List<double> values, string unit) =>
        report.Value(what, $"p50 {Format(Percentiles.Of(values, 50))} · p95 {Format(Percentiles.Of(values, 95))}", unit);

    private static string Format(double value) => value.ToString(value >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture);
}
