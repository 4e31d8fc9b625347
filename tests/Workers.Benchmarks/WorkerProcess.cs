using System.Diagnostics;
using System.Globalization;

namespace Workers.Benchmarks;

// A worker's executable (Workers.Product.dll, Workers.Build.dll, built beside the benchmark) run as its own
// process, so its memory is its own: a command such as `demo-data`, or the worker itself.
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;

    private WorkerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public static WorkerProcess Start(string assembly, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, assembly);
        var start = new ProcessStartInfo("dotnet", [dll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {assembly}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("  worker: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WorkerProcess(process);
    }

    public static async Task RunAsync(string assembly, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(assembly, environment, args);
        await process._process.WaitForExitAsync();
        if (process._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{assembly} {string.Join(' ', args)} exited {process._process.ExitCode}.");
        }
    }

    // The process's peak resident set (VmHWM), in MiB.
    public double PeakRssMegabytes()
    {
        var line = File.ReadLines($"/proc/{Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kilobytes / 1024.0;
    }

    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
