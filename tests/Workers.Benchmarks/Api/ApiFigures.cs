using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Workers.Benchmarks.Builds;
using Workers.Testing;

namespace Workers.Benchmarks.Api;

// Issue #12 §5: the real API as its own process. 10 clients for --duration seconds (60 by default) on
// /api/health and on GET /api/builds/{id}: p50/p95/p99, requests/s, errors, and the API's RSS growth over the run
// (targets: p99 ≤ 5 ms, ≥ 2,000 req/s, 0 errors, growth < 10 MB); then POST /api/builds → bundle retrievable
// with the real build worker, one at a time and from 10 posting clients. Every run prints its figures.
internal static class ApiFigures
{
    private const int Clients = 10;

    public static async Task RunAsync(LocalStack stack, TestDatabase database, Report report, TimeSpan duration)
    {
        await using var api = await ApiService.StartAsync(stack, database);
        var sample = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "workers", "build", "samples", "App.jsx"));
        var (readTarget, _) = await PostToBundleAsync(api.Client, sample + "\n// the build the readers read\n");
        report.Value("(api) load average before the run (1 / 5 / 15 min)", string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]), "");

        foreach (var (name, path) in new[] { ("GET /api/health", "/api/health"), ("GET /api/builds/{id}", $"/api/builds/{readTarget}") })
        {
            // Warm-up: JIT, connection pool and the key cache, so the run measures the steady state.
            await ClosedLoad.RunAsync(api.Client, path, Clients, TimeSpan.FromSeconds(5));
            var before = api.RssMegabytes();
            var (latencies, perSecond, errors) = await ClosedLoad.RunAsync(api.Client, path, Clients, duration);
            var after = api.RssMegabytes();
            report.Value($"(api) {name}, {Clients} clients × {duration.TotalSeconds:0} s, p50 / p95 / p99", $"{Percentiles.Of(latencies, 50):0.00} / {Percentiles.Of(latencies, 95):0.00} / {Percentiles.Of(latencies, 99):0.00}", "ms (target p99 ≤ 5)");
            report.Value($"(api) {name}, requests/s and errors", $"{perSecond:0} / {errors}", "req/s (target ≥ 2,000, 0 errors)");
            report.Value($"(api) {name}, API RSS over the run", $"{before:0.0} → {after:0.0} ({after - before:+0.0;-0.0})", "MB (target growth < 10)");
        }

        // Distinct sources, so every build bundles (a repeated source would be a cache hit).
        var light = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            light.Add((await PostToBundleAsync(api.Client, sample + $"\n// light {i} {Guid.NewGuid():N}\n")).Milliseconds);
        }

        report.Value("(api) POST /api/builds → bundle retrievable, one at a time (20), p50 / p95", $"{Percentiles.Of(light, 50):0} / {Percentiles.Of(light, 95):0}", "ms");

        var loaded = (await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            var mine = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                mine.Add((await PostToBundleAsync(api.Client, sample + $"\n// client {client} build {i} {Guid.NewGuid():N}\n")).Milliseconds);
            }

            return mine;
        }))).SelectMany(m => m).ToList();
        report.Value($"(api) POST /api/builds → bundle retrievable, {Clients} posting clients × 5, p50 / p95", $"{Percentiles.Of(loaded, 50):0} / {Percentiles.Of(loaded, 95):0}", "ms");
        report.Value("(api) load average after the run (1 / 5 / 15 min)", string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]), "");
    }

    // POST the source, long-poll the record until it has finished, then fetch the bundle: the time a product's
    // user waits from "build" to a bundle its preview can load.
    private static async Task<(string BuildId, double Milliseconds)> PostToBundleAsync(HttpClient client, string source)
    {
        var started = Stopwatch.GetTimestamp();
        using var posted = await client.PostAsJsonAsync("/api/builds", new { source });
        posted.EnsureSuccessStatusCode();
        var buildId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("buildId").GetString()!;
        var status = "queued";
        for (var polls = 0; polls < 10 && status is not ("succeeded" or "failed"); polls++)
        {
            var record = await client.GetFromJsonAsync<JsonElement>($"/api/builds/{Uri.EscapeDataString(buildId)}?wait=30");
            status = record.GetProperty("status").GetString()!;
        }

        if (status != "succeeded")
        {
            throw new InvalidOperationException($"build {buildId} ended {status}.");
        }

        using var bundle = await client.GetAsync($"/api/builds/{Uri.EscapeDataString(buildId)}/bundle");
        bundle.EnsureSuccessStatusCode();
        _ = await bundle.Content.ReadAsByteArrayAsync();
        return (buildId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
