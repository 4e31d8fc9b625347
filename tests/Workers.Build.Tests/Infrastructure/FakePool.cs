using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Workers.Build.Pool;

namespace Workers.Build.Tests.Infrastructure;

// A NodeProcessPool running FakeServer/fake-build-server.mjs (copied beside the tests), whose behaviour each
// build chooses through its source. Retired processes are reported through a channel the test can await.
internal sealed class FakePool : IAsyncDisposable
{
    private readonly System.Threading.Channels.Channel<(NodeProcess Process, string Reason)> _retired =
        System.Threading.Channels.Channel.CreateUnbounded<(NodeProcess, string)>();

    private readonly LoggerFactory _loggers;

    private FakePool(PoolOptions options, TimeProvider time)
    {
        Options = options;
        Logs = new LogWatch();
        _loggers = new LoggerFactory([Logs]);
        Pool = new NodeProcessPool(Microsoft.Extensions.Options.Options.Create(options), time, _loggers.CreateLogger<NodeProcessPool>());
        Pool.Retired = (process, reason) => _retired.Writer.TryWrite((process, reason));
    }

    public NodeProcessPool Pool { get; }

    public PoolOptions Options { get; }

    public LogWatch Logs { get; }

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

    public async Task<(NodeProcess Process, string Reason)> NextRetiredAsync() =>
        await _retired.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(60));

    // Releases every "gate" build the process is holding.
    public static async Task OpenGateAsync(int pid)
    {
        using var kill = Process.Start("kill", ["-USR2", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Pool.DisposeAsync();
        _loggers.Dispose();
    }
}
