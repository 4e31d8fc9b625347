using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Workers.Build.Pool;

namespace Workers.Build.Tests.Infrastructure;

// A NodeProcessPool running FakeServer/fake-build-server.mjs (copied beside the tests), whose behaviour each
// build chooses through its source. What the pool did to its processes is read from the lines it logs, as an
// operator would: started (event 4100) and retired with the reason (event 4101).
internal sealed class FakePool : IAsyncDisposable
{
    private const int ProcessStartedEvent = 4100;
    private const int ProcessRetiredEvent = 4101;

    private readonly LoggerFactory _loggers;
    private int _retirementsSeen;

    private FakePool(PoolOptions options, TimeProvider time)
    {
        Options = options;
        Logs = new LogWatch();
        _loggers = new LoggerFactory([Logs]);
        Pool = new NodeProcessPool(Microsoft.Extensions.Options.Options.Create(options), time, _loggers.CreateLogger<NodeProcessPool>());
    }

    public NodeProcessPool Pool { get; }

    public PoolOptions Options { get; }

    public LogWatch Logs { get; }

    // The pids of every process the pool has started so far, in order.
    public IReadOnlyList<int> StartedPids =>
        [.. Logs.Lines.Where(l => l.EventId == ProcessStartedEvent).Select(l => l.Pid!.Value)];

    public static PoolOptions DefaultOptions() => new()
    {
        WorkDirectory = Path.Combine(AppContext.BaseDirectory, "FakeServer"),
        Script = "fake-build-server.mjs",
        RequireNodeModules = false,
        NodeArguments = [],
        MinProcesses = 1,
        MaxProcesses = 3,
    };

    public static async Task<FakePool> StartAsync(Action<PoolOptions>? configure = null, TimeProvider? time = null)
    {
        var pool = Create(configure, time);
        await pool.Pool.StartAsync(TestContext.Current.CancellationToken);
        return pool;
    }

    // Not started: for a PoolHost to start.
    public static FakePool Create(Action<PoolOptions>? configure = null, TimeProvider? time = null)
    {
        var options = DefaultOptions();
        configure?.Invoke(options);
        return new FakePool(options, time ?? TimeProvider.System);
    }

    public PoolHost CreateHost(TimeProvider time) =>
        new(Pool, Microsoft.Extensions.Options.Options.Create(Options), time, _loggers.CreateLogger<PoolHost>());

    public Task<BuildExecution> BuildAsync(string source) =>
        Pool.ExecuteBuildAsync(new JsonObject { ["cmd"] = "build", ["source"] = source, ["options"] = new JsonObject() }, TestContext.Current.CancellationToken);

    // The next retirement the test has not taken yet (already logged or to come): which process, and why.
    public async Task<Retirement> NextRetiredAsync()
    {
        var line = await Logs.WaitForAsync(l => l.EventId == ProcessRetiredEvent, ++_retirementsSeen);
        return new Retirement(line.Pid!.Value, line.Field("Reason")!);
    }

    // Releases every "gate" build the process is holding.
    public static async Task OpenGateAsync(int pid)
    {
        using var kill = Process.Start("kill", ["-USR2", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    // Completes when the process has exited (at once if it is already gone).
    public static async Task ExitOfAsync(int pid)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return;
        }

        using (process)
        {
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Pool.DisposeAsync();
        _loggers.Dispose();
    }
}
