using System.Globalization;

namespace Workers.Benchmarks;

// CPU time spent during a drain by this process, by the emulator (fauxqs) and by PostgreSQL, from /proc. On a
// 2-core machine they compete for the same cores, so a consumer's throughput follows its CPU per message.
internal sealed class CpuMeter
{
    private static readonly double TicksPerSecond = 100.0; // USER_HZ, 100 on every Linux this runs on.
    private (double Self, double Emulator, double Database) _start;
    private double _jitStart;
    private long _allocated;
    private int _collections;

    public void Start()
    {
        _start = Read();
        _jitStart = JitSeconds();
        _allocated = GC.GetTotalAllocatedBytes();
        _collections = GC.CollectionCount(0);
    }

    // "bench 61 µs, fauxqs 42 µs, postgres 9 µs per message" since Start.
    public string PerMessage(int messages)
    {
        var now = Read();
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU per message: this process {Micro(now.Self - _start.Self)} µs (of which the JIT's tiering thread {Micro(JitSeconds() - _jitStart)} µs), fauxqs {Micro(now.Emulator - _start.Emulator)} µs, postgres {Micro(now.Database - _start.Database)} µs; this process allocated {(GC.GetTotalAllocatedBytes() - _allocated) / 1024.0 / messages:0.0} KiB per message, {GC.CollectionCount(0) - _collections} gen0 GCs");

        string Micro(double seconds) => (seconds * 1e6 / messages).ToString("0", CultureInfo.InvariantCulture);
    }

    private static (double Self, double Emulator, double Database) Read()
    {
        double self = 0, emulator = 0, database = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var pid = Path.GetFileName(dir);
            if (!int.TryParse(pid, out _))
            {
                continue;
            }

            try
            {
                var seconds = CpuSeconds(File.ReadAllText(Path.Combine(dir, "stat")));
                if (pid == Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
                {
                    self += seconds;
                }
                else if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("fauxqs", StringComparison.Ordinal))
                {
                    emulator += seconds;
                }
                else if (File.ReadAllText(Path.Combine(dir, "comm")).StartsWith("postgres", StringComparison.Ordinal))
                {
                    database += seconds;
                }
            }
            catch (IOException)
            {
                // The process ended while it was being read.
            }
        }

        return (self, emulator, database);
    }

    // The runtime's background thread that recompiles hot methods (tier 0 → instrumented → tier 1): its share
    // shows how far this process still is from its steady state.
    private static double JitSeconds()
    {
        double seconds = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered Com", StringComparison.Ordinal))
                {
                    seconds += CpuSeconds(File.ReadAllText(Path.Combine(task, "stat")));
                }
            }
            catch (IOException)
            {
                // The thread ended while it was being read.
            }
        }

        return seconds;
    }

    // utime and stime are fields 14 and 15; the command name before them may hold spaces, so count after its ')'.
    private static double CpuSeconds(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
