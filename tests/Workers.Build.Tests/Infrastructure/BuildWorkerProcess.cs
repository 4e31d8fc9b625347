using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Workers.Testing;

namespace Workers.Build.Tests.Infrastructure;

// The real build worker as a child process: `dotnet workers/build/bin/<Configuration>/net10.0/Workers.Build.dll`,
// built by the same build as these tests (the configuration is the test assembly's own). Its stdout and stderr
// go to the test's output, shown when a test fails. Disposing kills it if it still runs.
public sealed class BuildWorkerProcess : IAsyncDisposable
{
    private static readonly Lazy<string> Dll = new(FindDll);

    private readonly Process _process;
    private readonly string _name;
    private readonly ITestOutputHelper? _output = TestContext.Current.TestOutputHelper;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private BuildWorkerProcess(string name, IReadOnlyDictionary<string, string?> environment, string[] args)
    {
        _name = name;
        // DOTNET_HOST_PATH is the dotnet that runs `dotnet test`; a machine may have others on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [Dll.Value, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(Dll.Value),
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Write(e.Data);
        _process.ErrorDataReceived += (_, e) => Write(e.Data);
        _process.Start();
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Write($"started (pid {_process.Id}): {string.Join(' ', args)}");
    }

    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];

    // What the process wrote so far.
    public string Output => string.Join(Environment.NewLine, _lines);

    public static BuildWorkerProcess Start(string name, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        new(name, environment, args);

    // Runs a command (healthcheck, demo-data, …) to its end.
    public static async Task<(int ExitCode, string Output)> RunAsync(string name, IReadOnlyDictionary<string, string?> environment, TimeSpan within, params string[] args)
    {
        await using var process = Start(name, environment, args);
        var exitCode = await process.WaitForExitAsync(within);
        return (exitCode, process.Output);
    }

    // Completes when the process has written a line containing `text` (or already had).
    public Task WaitForLineAsync(string text)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_awaited)
        {
            if (_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                return Task.CompletedTask;
            }

            _awaited.Add((text, seen));
        }

        return seen.Task.WaitAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
    }

    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(within);
        Write($"exited with code {_process.ExitCode}");
        return _process.ExitCode;
    }

    // SIGKILL: the crash case, nothing gets to clean up.
    public void Kill()
    {
        Write("SIGKILL");
        _process.Kill();
    }

    // SIGTERM: what ECS sends on a deploy or scale-in.
    public async Task TerminateAsync()
    {
        Write("SIGTERM");
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("Could not run kill.");
        await kill.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        lock (_awaited)
        {
            foreach (var awaited in _awaited.Where(a => line.Contains(a.Text, StringComparison.Ordinal)).ToList())
            {
                _awaited.Remove(awaited);
                awaited.Seen.TrySetResult();
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

    private static string FindDll()
    {
        var configuration = typeof(BuildWorkerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepositoryRoot.Path, "workers", "build", "bin", configuration, "net10.0", "Workers.Build.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"The build worker is not built for {configuration}: build the solution (dotnet build -c {configuration}) before testing.", dll);
    }
}
