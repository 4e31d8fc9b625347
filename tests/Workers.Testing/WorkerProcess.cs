using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace Workers.Testing;

/// <summary>
/// A worker run as a child process the way its container runs it: <c>dotnet &lt;dll&gt; [args]</c> from the dll's
/// folder, stdin closed. Every line it writes is kept (<see cref="Output"/>), can be awaited
/// (<see cref="WaitForLineAsync(Func{string, bool}, TimeSpan?)"/>: a test waits for a line, not for time) and goes
/// to the current test's output, shown when a test fails. Disposing kills it if it still runs.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    /// <summary>How long a wait lasts when the caller names no limit (the test's cancellation also ends it).</summary>
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly string _name;
    private readonly ITestOutputHelper? _output = TestContext.Current.TestOutputHelper;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Guarded by locking _lines: the stdout and stderr callbacks run on their own threads.
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];
    private int _openStreams = 2;

    private WorkerProcess(string name, string dll, IReadOnlyDictionary<string, string?> environment, string[] args)
    {
        _name = name;
        // DOTNET_HOST_PATH is the dotnet that runs `dotnet test`; a machine may have others on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(dll),
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => OnData(e.Data);
        _process.ErrorDataReceived += (_, e) => OnData(e.Data);
        _process.Start();
        // Closed so that nothing in the worker can wait on a console that no one types into.
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Record($"started (pid {_process.Id}): {string.Join(' ', args)}");
    }

    /// <summary>What the process wrote so far, with this wrapper's own markers (started, SIGTERM, exited…).</summary>
    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join(Environment.NewLine, _lines);
            }
        }
    }

    /// <summary>Starts <paramref name="dll"/> with <paramref name="environment"/> added to this process's own.</summary>
    public static WorkerProcess Start(string name, string dll, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        new(name, dll, environment, args);

    /// <summary>Runs a command (migrate, healthcheck, demo-data, …) to its end.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string name, string dll, IReadOnlyDictionary<string, string?> environment, TimeSpan within, params string[] args)
    {
        await using var process = Start(name, dll, environment, args);
        var exitCode = await process.WaitForExitAsync(within);
        return (exitCode, process.Output);
    }

    /// <summary>The first line containing <paramref name="text"/>, as the other overload waits for it.</summary>
    public Task<string> WaitForLineAsync(string text, TimeSpan? within = null) =>
        WaitForLineAsync(line => line.Contains(text, StringComparison.Ordinal), within);

    /// <summary>
    /// The first line (written so far or later) that <paramref name="match"/> accepts; fails at once if the process
    /// ends its output without writing one.
    /// </summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan? within = null)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return Task.FromResult(line);
            }

            if (_openStreams == 0)
            {
                return Task.FromException<string>(ExitedBeforeTheLine());
            }

            _waiters.Add((match, seen));
        }

        return seen.Task.WaitAsync(within ?? DefaultPatience, TestContext.Current.CancellationToken);
    }

    /// <summary>The exit code, once the process has exited and its output has all been read.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? within = null)
    {
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(within ?? DefaultPatience);
        await _closed.Task.WaitAsync(within ?? DefaultPatience, TestContext.Current.CancellationToken);
        Record($"exited with code {_process.ExitCode}");
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the crash case, nothing gets to clean up.</summary>
    public void Kill()
    {
        Record("SIGKILL");
        _process.Kill();
    }

    /// <summary>SIGTERM, what ECS sends on a deploy or scale-in; returns the exit code once the worker has drained.</summary>
    public async Task<int> TerminateAsync(TimeSpan? within = null)
    {
        Record("SIGTERM");
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("Could not run kill.");
        await kill.WaitForExitAsync();
        return await WaitForExitAsync(within);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    // A null line is the end of stdout or stderr; once both have ended no awaited line can come any more.
    private void OnData(string? line)
    {
        if (line is not null)
        {
            Record(line);
            return;
        }

        lock (_lines)
        {
            if (--_openStreams > 0)
            {
                return;
            }

            foreach (var (_, seen) in _waiters)
            {
                seen.TrySetException(ExitedBeforeTheLine());
            }

            _waiters.Clear();
        }

        _closed.TrySetResult();
    }

    private void Record(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Seen.TrySetResult(line);
            }
        }

        try
        {
            _output?.WriteLine($"[{_name} +{_clock.Elapsed.TotalSeconds:0.000}s] {line}");
        }
        catch (InvalidOperationException)
        {
            // The test has finished and its output is closed; the line is still in Output.
        }
    }

    // Called under the lock; Output would take it again, which a Monitor allows.
    private InvalidOperationException ExitedBeforeTheLine() =>
        new($"{_name} ended its output before writing the awaited line:{Environment.NewLine}{Output}");
}
