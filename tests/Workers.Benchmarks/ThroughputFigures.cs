using System.Globalization;

namespace Workers.Benchmarks;

// (a) in pairs: every run measures the plain SDK loop (1, 4 and 10 loops) and then the TaskManager on fresh
// queues of the same size, and divides by that run's best plain loop. The machine is shared and its load moves
// within minutes, so only figures taken in the same run are compared; every run is printed, not only the best.
internal static class ThroughputFigures
{
    private const int Messages = 20_000;
    private const int Groups = 200;
    private const int WarmUp = 2_000;

    public static async Task RunAsync(Measurements measure, int runs, ThroughputSettings settings)
    {
        var label = settings.Describe();
        Console.WriteLine($"(a) {Messages:N0} no-op tasks in {Groups} FIFO groups; TaskManager: {label}");
        // Both sides once on a small queue first, printed but not counted: the first run in a process pays for
        // JIT compilation and connection set-up, which would otherwise fall on whichever side runs first.
        var warmPlain = await measure.PlainLoopAsync(WarmUp, Groups, 4);
        var warmTaskManager = await measure.TaskManagerAsync(WarmUp, Groups, settings.MaxInFlight, TimeSpan.Zero, settings.RecordTasks, settings.Pollers);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up, {WarmUp:N0} tasks, not counted: plain loop (4 loops) {warmPlain:0} msg/s, TaskManager {warmTaskManager:0} msg/s"));
        Console.WriteLine("| run | load (1 min) | plain, 1 loop | plain, 4 loops | plain, 10 loops | TaskManager | TaskManager / best plain |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        var ratios = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            var plain = new List<double>();
            foreach (var loops in settings.SkipPlainLoop ? [] : new[] { 1, 4, 10 })
            {
                plain.Add(await measure.PlainLoopAsync(Messages, Groups, loops));
            }

            if (settings.SkipPlainLoop)
            {
                // For a profiler attached to this process: the TaskManager alone, no ratio.
                var alone = await measure.TaskManagerAsync(Messages, Groups, settings.MaxInFlight, TimeSpan.Zero, settings.RecordTasks, settings.Pollers);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {run} | {load} | TaskManager only | {alone:0} |"));
                continue;
            }

            var taskManager = await measure.TaskManagerAsync(Messages, Groups, settings.MaxInFlight, TimeSpan.Zero, settings.RecordTasks, settings.Pollers);
            var ratio = taskManager / plain.Max();
            ratios.Add(ratio);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {run} | {load} | {plain[0]:0} | {plain[1]:0} | {plain[2]:0} | {taskManager:0} | {ratio:0.00} |"));
        }

        if (ratios.Count == 0)
        {
            return;
        }

        ratios.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(a) TaskManager / best plain loop of the same run: min {ratios[0]:0.00}, median {ratios[ratios.Count / 2]:0.00}, max {ratios[^1]:0.00} over {runs} run(s)"));
    }
}
