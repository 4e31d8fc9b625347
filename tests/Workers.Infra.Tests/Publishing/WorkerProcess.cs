using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Workers.Infra.Tests.Publishing;

// A published worker run as its container runs it (`dotnet <dll> [args]`), with its output kept for assertions
// and awaitable: a test waits for a line, not for time. A process that exits fails every pending wait at once.
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _openStreams = 2;

    private WorkerProcess(string dll, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Start();
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static WorkerProcess Start(string dll, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        new(dll, environment, args);

    public static async Task<(int ExitCode, string Output)> RunAsync(string dll, IReadOnlyDictionary<string, string> environment, string[] args, CancellationToken cancellationToken)
    {
        using var process = Start(dll, environment, args);
        var code = await process.WaitForExitAsync(cancellationToken);
        return (code, process.Output);
    }

    public Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Split('\n').FirstOrDefault(match) is { } line)
            {
                seen.SetResult(line);
            }
            else if (_closed.Task.IsCompleted)
            {
                seen.SetException(new InvalidOperationException($"The worker exited before writing the line:\n{_output}"));
            }
            else
            {
                _waiters.Add((match, seen));
            }
        }

        return seen.Task;
    }

    // SIGTERM, as ECS stops a task; the worker drains and exits.
    public async Task<int> TerminateAsync(CancellationToken cancellationToken)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        return await WaitForExitAsync(cancellationToken);
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        await _closed.Task.WaitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        lock (_output)
        {
            if (line is null)
            {
                if (--_openStreams == 0)
                {
                    foreach (var (_, seen) in _waiters)
                    {
                        seen.TrySetException(new InvalidOperationException($"The worker exited before writing the line:\n{_output}"));
                    }

                    _waiters.Clear();
                    _closed.TrySetResult();
                }

                return;
            }

            _output.Append(line).Append('\n');
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                waiter.Seen.TrySetResult(line);
                _waiters.Remove(waiter);
            }
        }
    }
}
