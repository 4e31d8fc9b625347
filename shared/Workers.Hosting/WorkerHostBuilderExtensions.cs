using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog;

namespace Workers.Hosting;

/// <summary>The defaults every worker host starts from.</summary>
public static class WorkerHostBuilderExtensions
{
    /// <summary>
    /// Structured JSON logging through Serilog, the system clock, and health checks published to the health file
    /// read by <see cref="HealthProbe"/>. The AWS clients and the database come with <c>AddTaskManager</c>.
    /// </summary>
    public static IHostApplicationBuilder AddWorkerDefaults(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSerilog((_, logger) => WorkerLogging.Configure(logger, builder.Configuration));
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>();
        services.AddHealthChecks();
        services.AddSingleton<IHealthCheckPublisher, FileHealthPublisher>();
        services.AddOptions<HealthCheckPublisherOptions>().Configure<IOptions<HealthOptions>>((publisher, health) =>
        {
            publisher.Delay = TimeSpan.FromSeconds(1);
            publisher.Period = health.Value.Period;
        });
        return builder;
    }
}
