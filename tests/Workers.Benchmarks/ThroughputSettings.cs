using System.Globalization;

namespace Workers.Benchmarks;

// What the `throughput` verb changes from the TaskManager's defaults; nothing set means the defaults.
internal sealed record ThroughputSettings(int? MaxInFlight, int? Pollers, bool RecordTasks, bool SkipPlainLoop)
{
    public static ThroughputSettings Parse(string[] args) => new(
        Option(args, "--in-flight"),
        Option(args, "--pollers"),
        !args.Contains("--no-records"),
        args.Contains("--taskmanager-only"));

    public string Describe() =>
        MaxInFlight is null && Pollers is null && RecordTasks
            ? "default configuration"
            : string.Create(CultureInfo.InvariantCulture,
                $"MaxInFlight {MaxInFlight?.ToString(CultureInfo.InvariantCulture) ?? "default"}, Pollers {Pollers?.ToString(CultureInfo.InvariantCulture) ?? "default"}, task records {(RecordTasks ? "on" : "off")}");

    private static int? Option(string[] args, string name) =>
        args.SkipWhile(a => a != name).Skip(1).Select(v => (int?)int.Parse(v, CultureInfo.InvariantCulture)).FirstOrDefault();
}
