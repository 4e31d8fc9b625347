using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Workers.Build.Pool;
using Workers.Testing;

namespace Workers.Benchmarks.Builds;

// The build worker's NodeProcessPool on its own, with the real build server (workers/build/node): build time as
// the pool's caller sees it (acquire, request, answer, the status read after each build), and a child's memory.
internal static class PoolBench
{
    public static readonly string NodeDirectory = Path.Combine(RepositoryRoot.Path, "workers", "build", "node");

    // (a) Milliseconds per build, one build at a time, each of a source no earlier build has seen.
    public static async Task<List<double>> BuildTimesAsync(int builds, int seed)
    {
        await using var pool = await StartAsync(_ => { });
        for (var i = 0; i < 20; i++)
        {
            await BuildAsync(pool, Components.Distinct(seed - 1_000 + i)); // warm-up: JIT, V8, the esbuild context
        }

        var times = new List<double>(builds);
        for (var i = 0; i < builds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await BuildAsync(pool, Components.Distinct(seed + i));
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return times;
    }

    // (f) One process serving every build: its resident memory (as it reports it after each build) every `every`.
    public static async Task<List<(int Builds, double RssMegabytes)>> RssAsync(int builds, int every, int seed)
    {
        await using var pool = await StartAsync(o => (o.MinProcesses, o.MaxProcesses, o.MaxBuildsPerProcess, o.MaxMemoryMegabytes) = (1, 1, builds + 1, 4_096));
        var samples = new List<(int, double)>();
        for (var i = 1; i <= builds; i++)
        {
            await BuildAsync(pool, Components.Distinct(seed + i));
            if (i == 1 || i % every == 0)
            {
                samples.Add((i, pool.GetStats().MemoryBytes / 1024.0 / 1024.0));
            }
        }

        if (pool.GetStats().Recycled > 0)
        {
            throw new InvalidOperationException("The pool replaced its process during the memory run; the samples mix processes.");
        }

        return samples;
    }

    public static JsonObject Request(string source) => new()
    {
        ["cmd"] = "build",
        ["source"] = source,
        ["options"] = new JsonObject { ["engine"] = "esbuild", ["minify"] = true },
        ["limits"] = new JsonObject { ["maxSourceBytes"] = 256 * 1024, ["maxOutputBytes"] = 4 * 1024 * 1024 },
    };

    private static async Task<NodeProcessPool> StartAsync(Action<PoolOptions> configure)
    {
        var options = new PoolOptions { WorkDirectory = NodeDirectory };
        configure(options);
        var pool = new NodeProcessPool(Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, NullLogger<NodeProcessPool>.Instance);
        await pool.StartAsync(CancellationToken.None);
        return pool;
    }

    private static async Task BuildAsync(NodeProcessPool pool, string source)
    {
        var execution = await pool.ExecuteBuildAsync(Request(source), CancellationToken.None);
        if (!execution.Response.GetProperty("ok").GetBoolean())
        {
            throw new InvalidOperationException($"A benchmark build failed: {execution.Response}");
        }
    }
}
