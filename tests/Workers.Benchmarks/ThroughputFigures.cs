using System.Globalization;

namespace Workers.Benchmarks;

// (a) in pairs: every run measures the plain SDK loop (1, 4 and 10 loops) and then the TaskManager on fresh
// queues of the same size, and divides by that run's best plain loop. The machine is shared and its load moves
// within minutes, so only figures taken in the same run are compared; every run is printed, not only the best.
internal static class ThroughputFigures
{
    private const int Messages = 20_000;
    private const int Groups = 200;

    public static async Task RunAsync(Measurements measure, int runs, ThroughputSettings settings)
    {
        var label = settings.Describe();
        Console.WriteLine($"(a) {Messages:N0} no-op tasks in {Groups} FIFO groups; TaskManager: {label}");
        // Both sides once first, printed but not counted: the first drains in a process pay for JIT compilation
        // and connection set-up, which would otherwise fall on whichever side runs first (ThroughputSettings).
        var warmPlain = await measure.PlainLoopAsync(settings.WarmUp, Groups, 4);
        var warmTaskManager = await measure.TaskManagerAsync(settings.WarmUp, Groups, settings.MaxInFlight, TimeSpan.Zero, settings.RecordTasks, settings.Pollers);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up, {settings.WarmUp:N0} tasks, not counted: plain loop (4 loops) {warmPlain.Whole:0} msg/s, TaskManager {warmTaskManager.Whole:0} msg/s"));
        Console.WriteLine("Steady: msg/s between 10 % and 90 % of the drain. Whole: from the start (for the TaskManager, a new host) to the last message.");
        Console.WriteLine("| run | load (1 min) | plain, 1 loop | plain, 4 loops | plain, 10 loops | TaskManager | TaskManager / best plain, steady | whole: TaskManager / best plain |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        var steadyRatios = new List<double>();
        var wholeRatios = new List<double>();
        var requestLines = new List<string>();
        for (var run = 1; run <= runs; run++)
        {
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            var plain = new List<DrainRate>();
            var requests = new List<string>();
            // Odd runs measure the plain loops first, even runs the TaskManager first: whatever the earlier drains
            // leave behind (fauxqs's heap, this process's GC, a neighbour's build) falls on each side in turn.
            var taskManagerFirst = run % 2 == 0;
            var taskManager = default(DrainRate);
            if (taskManagerFirst)
            {
                taskManager = await measure.TaskManagerAsync(Messages, Groups, settings.MaxInFlight, TimeSpan.Zero, settings.RecordTasks, settings.Pollers);
                requests.Add($"TaskManager (first), SQS requests per 10 messages: {measure.LastRequests}");
            }

            foreach (var loops in settings.SkipPlainLoop ? [] : new[] { 1, 4, 10 })
            {
                plain.Add(await measure.PlainLoopAsync(Messages, Groups, loops));
                requests.Add($"plain {loops} loop(s), SQS requests per 10 messages: {measure.LastRequests}");
            }

            if (!taskManagerFirst)
            {
                taskManager = await measure.TaskManagerAsync(Messages, Groups, settings.MaxInFlight, TimeSpan.Zero, settings.RecordTasks, settings.Pollers);
                requests.Add($"TaskManager (last), SQS requests per 10 messages: {measure.LastRequests}");
            }
            requestLines.AddRange(requests.Select(r => $"run {run}, {r}"));
            if (settings.SkipPlainLoop)
            {
                // For a profiler attached to this process: the TaskManager alone, no ratio.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {run} | {load} | TaskManager only | | | {taskManager.Steady:0} | | {taskManager.Whole:0} msg/s whole |"));
                continue;
            }

            var steady = taskManager.Steady / plain.Max(p => p.Steady);
            var whole = taskManager.Whole / plain.Max(p => p.Whole);
            steadyRatios.Add(steady);
            wholeRatios.Add(whole);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {run} | {load} | {Show(plain[0])} | {Show(plain[1])} | {Show(plain[2])} | {Show(taskManager)}{(taskManagerFirst ? " (first)" : "")} | {steady:0.00} | {whole:0.00} |"));
        }

        requestLines.ForEach(Console.WriteLine);
        if (steadyRatios.Count > 0)
        {
            Summarise("steady", steadyRatios);
            Summarise("whole drain", wholeRatios);
        }
    }

    private static string Show(DrainRate rate) =>
        string.Create(CultureInfo.InvariantCulture, $"{rate.Steady:0} ({rate.Whole:0} whole)");

    private static void Summarise(string what, List<double> ratios)
    {
        ratios.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(a) TaskManager / best plain loop of the same run, {what}: min {ratios[0]:0.00}, median {ratios[ratios.Count / 2]:0.00}, max {ratios[^1]:0.00} over {ratios.Count} run(s)"));
    }
}
