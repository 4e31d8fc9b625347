using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Workers.Build.Pool;

// One Node.js build server child: started, handshaken, asked one request at a time by the pool, and stopped.
// Its stderr (JSON log lines) goes to the worker's log. The pool owns the bookkeeping fields.
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly JsonLinesChannel _channel;
    private readonly TimeProvider _time;
    private readonly Task _reading;
    private readonly Task _logging;
    private volatile bool _killRequested;

    private NodeProcess(int number, Process process, TimeProvider time, ILogger logger)
    {
        Number = number;
        _process = process;
        _time = time;
        Pid = process.Id;
        StartedAt = time.GetUtcNow();
        LastUsedAt = StartedAt;
        _channel = new JsonLinesChannel(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, logger, Pid);
        _reading = Task.Run(_channel.ReadLoopAsync);
        _logging = Task.Run(() => ChildLog.PumpAsync(process.StandardError, logger, Pid));
        Exited = process.WaitForExitAsync();
    }

    // The pool's sequence number for this process (1, 2, …): stable in logs across pid reuse.
    public int Number { get; }

    public int Pid { get; }

    public DateTimeOffset StartedAt { get; }

    public BuildToolchain Toolchain { get; private set; } = BuildToolchain.Unknown;

    public Task Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    // Pool bookkeeping, changed under the pool's lock.
    public int Builds { get; set; }

    public DateTimeOffset LastUsedAt { get; set; }

    public long LastRssBytes { get; set; }

    // Whether the pool killed it: its exit is then ours, not something its request did to it.
    public bool KillRequested => _killRequested;

    public TimeSpan Age => _time.GetUtcNow() - StartedAt;

    public static async Task<NodeProcess> StartAsync(
        int number, NodeServerLocation location, PoolOptions options, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.NodeExecutable, [.. options.NodeArguments, location.ScriptPath])
        {
            WorkingDirectory = location.WorkDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["WORKERS_BUILD_LOG_LEVEL"] = options.LogLevel;
        start.Environment["NODE_ENV"] = "production";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null.");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new NodeProcessException($"Cannot start '{options.NodeExecutable} {location.ScriptPath}': {ex.Message}", NodeProcessFailure.Exited, ex);
        }

        var node = new NodeProcess(number, process, time, logger);
        try
        {
            var ready = await node._channel.Ready.WaitAsync(options.StartTimeout, time, cancellationToken);
            node.Toolchain = BuildToolchain.FromReady(ready);
            return node;
        }
        catch (TimeoutException ex)
        {
            await node.DisposeAsync();
            throw new NodeProcessException($"Build server {node.Pid} sent no ready line within {options.StartTimeout.TotalSeconds:0.###} s.", NodeProcessFailure.Timeout, ex);
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    public Task<JsonElement> RequestAsync(JsonObject request, TimeSpan timeout, CancellationToken cancellationToken) =>
        _channel.RequestAsync(request, timeout, _time, cancellationToken);

    // Asks the server to exit (it disposes its bundler contexts first); kills it if it has not after `grace`.
    public async Task StopAsync(TimeSpan grace)
    {
        if (!HasExited)
        {
            try
            {
                await RequestAsync(new JsonObject { ["cmd"] = "shutdown" }, grace, CancellationToken.None);
                await Exited.WaitAsync(grace, _time);
            }
            catch (Exception ex) when (ex is NodeProcessException or TimeoutException)
            {
                // Not answering or not exiting: it is killed below.
            }
        }

        await DisposeAsync();
    }

    // The exit code once the process has exited (on Linux, 128 + n when signal n ended it), or null if it has not
    // exited within `grace`. Its stdout closes a moment before the OS reports the exit, so this waits a little.
    // Real time: the exit happens on the operating system's clock, not on the pool's TimeProvider.
    public async Task<int?> ExitCodeAsync(TimeSpan grace)
    {
        try
        {
            await Exited.WaitAsync(grace);
            return _process.ExitCode;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public void Kill()
    {
        _killRequested = true;
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Exited;
        try
        {
            // A grandchild that outlived the server (esbuild's service) could hold its stderr open; do not wait for it.
            await Task.WhenAll(_reading, _logging).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // The pumps end when the last holder of the pipes exits.
        }

        _process.Dispose();
    }
}
