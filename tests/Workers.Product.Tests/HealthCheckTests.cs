using Workers.Product.Tests.Infrastructure;

namespace Workers.Product.Tests;

public sealed class HealthCheckTests : ProductWorkerTest
{
    [Fact]
    public async Task Healthcheck_exits_1_without_a_health_report_and_0_once_a_running_worker_has_written_a_healthy_one()
    {
        var file = Path.Combine(TempDirectory, "health.json");
        var settings = new Dictionary<string, string?> { ["Health__FilePath"] = file };

        var (before, beforeOutput) = await RunCommandAsync("healthcheck", settings, "healthcheck");
        Assert.Equal(1, before);
        Assert.Contains("no health report", beforeOutput, StringComparison.Ordinal);

        // The worker writes the report to a temporary file and renames it into place.
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new FileSystemWatcher(TempDirectory) { EnableRaisingEvents = true };
        watcher.Created += (_, e) => Seen(e.FullPath);
        watcher.Renamed += (_, e) => Seen(e.FullPath);
        StartWorker(settings);
        if (!File.Exists(file))
        {
            await written.Task.WaitAsync(Patience, Cancellation);
        }

        var (running, runningOutput) = await RunCommandAsync("healthcheck", settings, "healthcheck");
        Assert.Equal(0, running);
        Assert.Contains("healthy", runningOutput, StringComparison.Ordinal);

        void Seen(string path)
        {
            if (path == file)
            {
                written.TrySetResult();
            }
        }
    }
}
