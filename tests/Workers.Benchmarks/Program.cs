using System.Globalization;
using Workers.Benchmarks;
using Workers.Benchmarks.Api;
using Workers.Benchmarks.Builds;
using Workers.Testing;

// Usage: dotnet run -c Release --project tests/Workers.Benchmarks [-- taskmanager|throughput|latency|csv|build|outage|outbox|email|time|all] [--runs 3]
// Starts the local stack if needed (as the tests do) and prints a Markdown table of medians.
if (args.Contains("--help"))
{
    Console.WriteLine("""
        Usage: dotnet run -c Release --project tests/Workers.Benchmarks -- [verb] [--runs N]
          all          every figure below (the default verb)
          taskmanager  (a) and (a2): TaskManager and plain SDK loop messages/s, medians
          throughput   (a) in pairs: plain loop (1, 4, 10 loops) then the TaskManager, ratio per run
                       [--in-flight N] [--pollers N] [--no-records] change the TaskManager's defaults;
                       [--taskmanager-only] skips the plain loop (to attach a profiler);
                       [--warm-up N] tasks each side drains first, not counted (default 40,000: the JIT settles)
          latency      (b) enqueue → handler
          csv          (c) csvStock import rate and peak RSS
          build        the build worker's figures
          transactions createTransaction end to end (transaction worker process): transactions/s and peak RSS
          outage       (g) PostgreSQL down 60 s under load, held against not held, every run
          outbox       (h) outbox: commit → follow-up handled, p50/p95, light load and a burst, every run
          email        sendEmail through the notification worker against the local SMTP stand-in, and a plain MailKit loop
                       sending the same number of mails in the same run (1 and 4 connections); every run printed
          ochanoko     ochanokoUpdateStock of 10,000 products (external-ec worker process) against the Ochanoko
                       stand-in's rate limit: wall time against the limit's floor, 429s, refused PUTs; every run
          time         issue #11: how late time-driven tasks reach their handler (p50 / p95 / max ms): outbox rows due at
                       staggered times (payment deadlines), the fleet scheduler's every-second occurrences, and the anchor
                       of an in-process timer in the same run; every run printed
          api          the HTTP API as its own process (issue #12 §5): 10 clients on /api/health and GET /api/builds/{id}
                       for --duration S seconds (60 by default), then POST /api/builds → bundle; every run printed
        """);
    return;
}

var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _)) ?? "all";
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(3);
var stack = await LocalStack.GetAsync();
await using var database = await TestDatabase.CreateAsync(stack, new TestMigrations().Ids, new TestMigrations().ApplyAsync);
var measure = new Measurements(stack, database);
var report = new Report(runs);
Console.WriteLine($"Workers benchmarks: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {runs} run(s) each, medians.");

if (what is "taskmanager" or "all")
{
    const int messages = 20_000, groups = 200;

    // The baseline at its best concurrency on this machine, so the comparison is against the strongest plain loop.
    var plain = 0.0;
    foreach (var loops in new[] { 1, 4, 10 })
    {
        plain = Math.Max(plain, await report.MedianAsync($"(a) plain SDK loop, no work: receive 10 + delete batch, {loops} loop(s), FIFO, {groups} groups", "msg/s", async () => (await measure.PlainLoopAsync(messages, groups, loops)).Whole));
    }

    var defaults = await report.MedianAsync("(a) TaskManager, no-op handler, 100 in flight, default pollers (adaptive, up to 10)", "msg/s", async () => (await measure.TaskManagerAsync(messages, groups, 100, TimeSpan.Zero)).Whole);
    var tuned = await report.MedianAsync("(a) TaskManager, no-op handler, 100 in flight, 4 pollers", "msg/s", async () => (await measure.TaskManagerAsync(messages, groups, 100, TimeSpan.Zero, pollers: 4)).Whole);
    report.Ratio("(a) TaskManager (default pollers) / best plain loop", defaults / plain, "target ≥ 0.8");
    report.Ratio("(a) TaskManager (4 pollers) / best plain loop", tuned / plain, "target ≥ 0.8");

    // 100 groups, each strictly in order, 10 ms per message: at most 100 × 100 = 10,000 msg/s whatever the framework.
    var io = await report.MedianAsync("(a2) TaskManager, handler awaits 10 ms, 100 groups, 200 in flight, 4 pollers", "msg/s", async () => (await measure.TaskManagerAsync(10_000, 100, 200, TimeSpan.FromMilliseconds(10), pollers: 4)).Whole);
    report.Ratio("(a2) / best plain no-work loop", io / plain, "target ≥ 0.8");
    report.Ratio("(a2) / the ordering limit of 10,000 msg/s (100 groups × 100/s)", io / 10_000, "1.00 is the ceiling");
}

if (what is "throughput")
{
    await ThroughputFigures.RunAsync(measure, runs, ThroughputSettings.Parse(args));
}

if (what is "latency" or "all")
{
    var p95s = new List<double>();
    await report.MedianAsync("(b) enqueue → handler, light load, p50", "ms", async () =>
    {
        var (p50, p95) = await measure.LatencyAsync(300);
        p95s.Add(p95);
        return p50;
    });
    p95s.Sort();
    report.Value("(b) enqueue → handler, light load, p95 (median of runs)", p95s[p95s.Count / 2].ToString("0.0", CultureInfo.InvariantCulture), "ms");
}

if (what is "csv" or "all")
{
    var import = new CsvImport(stack);
    var peaks = new List<double>();
    await report.MedianAsync("(c) csvStock, 100,000-row CSV from S3, enqueue → Succeeded, worker process", "rows/s", async () =>
    {
        var (rate, peak, _) = await import.RunAsync(stores: 10, products: 10_000);
        peaks.Add(peak);
        return rate;
    });
    report.Value("(c) product worker peak RSS over the import (VmHWM), highest run", peaks.Max().ToString("0", CultureInfo.InvariantCulture), "MiB (target ≤ 200)");
}

if (what is "outage" or "all")
{
    // Each run prints its own figures (an outage run takes minutes; a median of few hides nothing here).
    var outage = new DatabaseOutage(stack);
    for (var run = 1; run <= runs; run++)
    {
        foreach (var hold in new[] { true, false })
        {
            var name = hold ? "held (default)" : "anchor: not held (Outage:MaxHold 0)";
            var r = await outage.RunAsync(TimeSpan.FromSeconds(60), hold);
            var prefix = $"(g) run {run}, {name}, PostgreSQL down 60 s, 1,000 updateStock in 20 groups, 2 workers:";
            report.Value($"{prefix} dead-lettered", r.DeadLettered.ToString(CultureInfo.InvariantCulture), "messages (target 0)");
            report.Value($"{prefix} receives spent per task that met the outage", r.ReceivesSpentPerTask.ToString("0.00", CultureInfo.InvariantCulture), $"over {r.MetOutage} task(s)");
            report.Value($"{prefix} restart → backlog drained", r.DrainSeconds.ToString("0.0", CultureInfo.InvariantCulture), "s");
            report.Value($"{prefix} stock movements applied", r.Applied.ToString(CultureInfo.InvariantCulture), "of 1,000 (each once)");
            report.Value($"{prefix} errors of the tasks that spent receives", r.SpentOn.Length == 0 ? "none" : r.SpentOn, "");
        }
    }
}

if (what is "transactions" or "all")
{
    var load = new TransactionLoad(stack);
    var peaks = new List<double>();
    var cpu = new List<double>();
    var cold = new List<double>();
    await report.MedianAsync("createTransaction, 3 lines each, stock applied, 20,000 transactions in tasks of 500 over 8 groups, worker process (default settings) after a warm-up of 2,000", "transactions/s (target ≥ 2,000)", async () =>
    {
        var figures = await load.RunAsync(20_000);
        peaks.Add(figures.PeakRssMegabytes);
        cpu.Add(figures.WorkerCpuMicroseconds);
        cold.Add(figures.ColdRate);
        Console.WriteLine($"    cold (the warm-up's 2,000 from the process's start): {figures.ColdRate:0} transactions/s; worker CPU per warm transaction: {figures.WorkerCpuMicroseconds:0} µs; peak RSS {figures.PeakRssMegabytes:0} MiB");
        return figures.WarmRate;
    });
    report.Value("createTransaction cold (the warm-up's 2,000 transactions from the worker process's start), every run", string.Join(", ", cold.Select(c => c.ToString("0", CultureInfo.InvariantCulture))), "transactions/s");
    report.Value("transaction worker CPU per warm transaction, every run", string.Join(", ", cpu.Select(c => c.ToString("0", CultureInfo.InvariantCulture))), "µs");
    report.Value("transaction worker peak RSS (VmHWM), highest run", peaks.Max().ToString("0", CultureInfo.InvariantCulture), "MiB (target ≤ 200)");
}

if (what is "outbox" or "all")
{
    // Each run prints its own figures: the wake-up path (NOTIFY) is what is measured, not a median of it.
    var outbox = new OutboxLatency(stack, database);
    for (var run = 1; run <= runs; run++)
    {
        var (lightP50, lightP95) = await outbox.RunAsync(300, burst: false);
        report.Value($"(h) run {run}, outbox commit → follow-up handled, light load (one at a time, 300), p50 / p95", $"{lightP50:0.0} / {lightP95:0.0}", "ms");
        var (burstP50, burstP95) = await outbox.RunAsync(1000, burst: true);
        report.Value($"(h) run {run}, outbox commit → follow-up handled, burst (1,000 commits from 8 connections), p50 / p95", $"{burstP50:0.0} / {burstP95:0.0}", "ms");
    }
}

if (what is "time" or "all")
{
    // Each run prints its own figures; the timer anchor runs beside them so a loaded machine shows in both.
    var onTime = new OnTimeLateness(stack, database);
    for (var run = 1; run <= runs; run++)
    {
        report.Value($"(i) run {run}, in-process timer (anchor: 200 delays over 10 s), late by p50 / p95 / max", (await OnTimeLateness.TimerAsync(200, TimeSpan.FromSeconds(10))).ToString(), "ms");
        report.Value($"(i) run {run}, outbox due time (200 rows due over 10 s) → handler, late by p50 / p95 / max", (await onTime.DueAsync(200, TimeSpan.FromSeconds(10))).ToString(), "ms");
        report.Value($"(i) run {run}, fleet scheduler every second (20 occurrences) → handler, late by p50 / p95 / max", (await onTime.CronAsync(20)).ToString(), "ms");
    }
}

if (what is "build" or "all")
{
    await BuildFigures.RunAsync(stack, report);
}

if (what is "email")
{
    // Each run printed: the worker and its plain-MailKit anchor are measured back to back in the same run.
    const int mails = 1_000;
    var load = new EmailLoad(stack);
    for (var run = 1; run <= runs; run++)
    {
        var (worker, plain1, plain4) = await load.RunAsync(mails);
        var prefix = $"(email) run {run}, {mails:N0} mails to the local SMTP stand-in (STARTTLS, AUTH)";
        report.Value($"{prefix}: sendEmail through the notification worker (one task per mail, 20 groups, default settings)", worker.ToString("0", CultureInfo.InvariantCulture), "mails/s");
        report.Value($"{prefix}: anchor, plain MailKit loop, 1 connection", plain1.ToString("0", CultureInfo.InvariantCulture), "mails/s");
        report.Value($"{prefix}: anchor, plain MailKit loop, 4 connections", plain4.ToString("0", CultureInfo.InvariantCulture), "mails/s");
        report.Ratio($"{prefix}: worker / plain loop (4 connections)", worker / plain4, "");
    }
}

if (what is "ochanoko")
{
    await OchanokoFigures.RunAsync(stack, report, runs);
}

if (what is "api")
{
    var seconds = args.SkipWhile(a => a != "--duration").Skip(1).Select(int.Parse).FirstOrDefault(60);
    // One run unless --runs says otherwise: a run is over two minutes of load on a shared machine.
    for (var run = 1; run <= (args.Contains("--runs") ? runs : 1); run++)
    {
        await ApiFigures.RunAsync(stack, database, report, TimeSpan.FromSeconds(seconds));
    }
}

report.Print();
