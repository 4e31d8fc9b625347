using Microsoft.Extensions.Configuration;

namespace Workers.Hosting;

/// <summary>
/// <c>dotnet Workers.X.dll healthcheck</c>: exits 0 when the running worker's last health report is healthy and
/// recent, 1 otherwise. It reads the health file only (no host is built), so it starts in milliseconds.
/// </summary>
public static class HealthProbe
{
    /// <summary>True when the process was started as the probe.</summary>
    public static bool IsRequested(string[] args) => args is ["healthcheck"];

    /// <summary>Checks the health file and returns the exit code.</summary>
    public static int Run()
    {
        var options = new HealthOptions();
        new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection(HealthOptions.SectionName).Bind(options);
        var report = HealthReportFile.Read(options.FilePath);
        var age = report is null ? TimeSpan.MaxValue : DateTimeOffset.UtcNow - report.CheckedAt;
        var (code, message) = report switch
        {
            null => (1, $"unhealthy: no health report at {options.FilePath} (the worker has not started or cannot write it)"),
            _ when age > options.MaxAge => (1, $"unhealthy: the last health report is {age.TotalSeconds:0} s old (limit {options.MaxAge.TotalSeconds:0} s)"),
            { Status: "Healthy" } => (0, "healthy"),
            _ => (1, $"{report.Status.ToLowerInvariant()}: {report.Description}"),
        };
        Console.WriteLine(message);
        return code;
    }
}
