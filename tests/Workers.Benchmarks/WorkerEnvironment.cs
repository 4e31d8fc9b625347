using Workers.Testing;

namespace Workers.Benchmarks;

// The environment a worker process gets in a benchmark: the stack's AWS settings, its own database and queue,
// and quiet logs (the benchmark prints figures, not the worker's log lines).
internal static class WorkerEnvironment
{
    public static Dictionary<string, string> For(TestDatabase database, string queueUrl) =>
        new(Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Where(e => ((string)e.Key).StartsWith("AWS_", StringComparison.Ordinal))
            .Select(e => KeyValuePair.Create((string)e.Key, (string)e.Value!)))
        {
            ["ConnectionStrings__Workers"] = database.ConnectionString,
            ["TaskManager__QueueUrl"] = queueUrl,
            ["Fleet__Environment"] = "local",
            ["Metrics__Emf"] = "false",
            ["Health__FilePath"] = Path.Combine(Path.GetTempPath(), $"bench-health-{Guid.NewGuid():N}.json"),
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
}
