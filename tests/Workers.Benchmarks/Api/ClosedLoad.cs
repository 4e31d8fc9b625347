using System.Diagnostics;

namespace Workers.Benchmarks.Api;

// N clients, each sending its next request as soon as the last one answered, for a fixed time: latencies of every
// answer, requests per second over the run, and answers that were not 2xx (or failed) as errors.
internal static class ClosedLoad
{
    public static async Task<(List<double> Latencies, double PerSecond, int Errors)> RunAsync(HttpClient client, string path, int clients, TimeSpan duration)
    {
        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var latencies = new List<double>(100_000);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }

            return latencies;
        }));
        var all = perClient.SelectMany(l => l).ToList();
        return (all, all.Count / Stopwatch.GetElapsedTime(started).TotalSeconds, errors);
    }
}
