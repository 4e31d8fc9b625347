using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Workers.Hosting;

// Writes each health report to the health file for the `healthcheck` probe.
internal sealed class FileHealthPublisher(IOptions<HealthOptions> options, TimeProvider time) : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        var unhealthy = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
            .Select(e => $"{e.Key}: {e.Value.Description}");
        HealthReportFile.Write(
            options.Value.FilePath,
            new HealthReportFile(report.Status.ToString(), time.GetUtcNow(), string.Join("; ", unhealthy)));
        return Task.CompletedTask;
    }
}
