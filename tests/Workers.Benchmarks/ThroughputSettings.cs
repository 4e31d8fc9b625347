using System.Globalization;

namespace Workers.Benchmarks;

// What the `throughput` verb changes from the TaskManager's defaults; nothing set means the defaults.
internal sealed record ThroughputSettings(int? MaxInFlight, int? Pollers, bool RecordTasks, bool SkipPlainLoop, int WarmUp)
{
    public static ThroughputSettings Parse(string[] args) => new(
        Option(args, "--in-flight"),
        Option(args, "--pollers"),
        !args.Contains("--no-records"),
        args.Contains("--taskmanager-only"),
        Option(args, "--warm-up") ?? DefaultWarmUp);

    // A worker runs for hours: the figure that matters is its rate once the JIT has settled. The runtime keeps
    // recompiling hot methods (tier 0, then instrumented, then tier 1 with dynamic PGO) over a process's first
    // ~40,000 tasks, and that work, on a thread of its own, took up to half of the TaskManager's CPU per message
    // in drains measured after the earlier 2,000-task warm-up (`--warm-up 2000` measures that start again).
    private const int DefaultWarmUp = 40_000;

    public string Describe() =>
        MaxInFlight is null && Pollers is null && RecordTasks
            ? "default configuration"
            : string.Create(CultureInfo.InvariantCulture,
                $"MaxInFlight {MaxInFlight?.ToString(CultureInfo.InvariantCulture) ?? "default"}, Pollers {Pollers?.ToString(CultureInfo.InvariantCulture) ?? "default"}, task records {(RecordTasks ? "on" : "off")}");

    private static int? Option(string[] args, string name) =>
        args.SkipWhile(a => a != name).Skip(1).Select(v => (int?)int.Parse(v, CultureInfo.InvariantCulture)).FirstOrDefault();
}
