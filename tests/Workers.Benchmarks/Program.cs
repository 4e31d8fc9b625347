using System.Globalization;
using Workers.Benchmarks;
using Workers.Testing;

// Usage: dotnet run -c Release --project tests/Workers.Benchmarks [-- taskmanager|latency|all] [--runs 3]
// Starts the local stack if needed (as the tests do) and prints a Markdown table of medians.
var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(3);
var stack = await LocalStack.GetAsync();
await using var database = await TestDatabase.CreateAsync(stack, new TestMigrations().Ids, new TestMigrations().ApplyAsync);
var measure = new Measurements(stack, database);
var report = new Report(runs);
Console.WriteLine($"Workers benchmarks: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {runs} run(s) each, medians.");

if (what is "taskmanager" or "all")
{
    const int messages = 20_000, groups = 200, pollers = 10;
    var plain = await report.MedianAsync("(a) plain SDK loop, no work: receive 10 + delete batch, 10 loops, FIFO, 200 groups", "msg/s", () => measure.PlainLoopAsync(messages, groups, pollers));
    var noop = await report.MedianAsync("(a) TaskManager, no-op handler, 100 in flight (10 pollers), task records on", "msg/s", () => measure.TaskManagerAsync(messages, groups, 100, TimeSpan.Zero));
    report.Ratio("(a) TaskManager / plain loop", noop / plain, "target ≥ 0.8");
    var io = await report.MedianAsync("(a2) TaskManager, handler awaits 10 ms, 100 groups, 100 in flight", "msg/s", () => measure.TaskManagerAsync(10_000, 100, 100, TimeSpan.FromMilliseconds(10)));
    report.Ratio("(a2) 10 ms handler / plain no-work loop", io / plain, "target ≥ 0.8");
}

if (what is "explore")
{
    foreach (var (inFlight, pollers) in new[] { (100, 2), (100, 4), (100, 10), (150, 4), (200, 4), (200, 10) })
    {
        await report.MedianAsync($"(a2) 10 ms handler, {inFlight} in flight, {pollers} pollers", "msg/s", () => measure.TaskManagerAsync(10_000, 100, inFlight, TimeSpan.FromMilliseconds(10), pollers: pollers));
    }

    await report.MedianAsync("(a) no-op, 100 in flight, 4 pollers", "msg/s", () => measure.TaskManagerAsync(20_000, 200, 100, TimeSpan.Zero, pollers: 4));
    await report.MedianAsync("(a) no-op, records off", "msg/s", () => measure.TaskManagerAsync(20_000, 200, 100, TimeSpan.Zero, recordTasks: false));
}

if (what is "latency" or "all")
{
    var (p50, p95) = (0.0, 0.0);
    await report.MedianAsync("(b) enqueue → handler, light load, p50", "ms", async () => { (p50, p95) = await measure.LatencyAsync(300); return p50; });
    report.Value("(b) enqueue → handler, light load, p95 (last run)", p95.ToString("0.0", CultureInfo.InvariantCulture), "ms");
}

report.Print();
