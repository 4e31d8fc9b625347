using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Workers.Fleet;
using Workers.TaskManager.Aws;
using Workers.TaskManager.Consuming;
using Workers.TaskManager.Dispatch;
using Workers.TaskManager.Envelope;
using Workers.TaskManager.Health;
using Workers.TaskManager.Options;
using Workers.TaskManager.Outages;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;
using Workers.TaskManager.References;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager;

/// <summary>Adds the TaskManager to a host.</summary>
public static class TaskManagerServiceCollectionExtensions
{
    /// <summary>
    /// Makes this host the worker <paramref name="worker"/> of the fleet declaration: it consumes the worker's
    /// queue and dispatches each task to the handler registered for its type on the returned builder.
    /// </summary>
    public static TaskManagerBuilder AddTaskManager(this IHostApplicationBuilder builder, string worker)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddTaskManager(FleetDeclaration.Current.Worker(worker));
    }

    /// <summary>As <see cref="AddTaskManager(IHostApplicationBuilder, string)"/>, for a worker of another declaration (tests, tools).</summary>
    public static TaskManagerBuilder AddTaskManager(this IHostApplicationBuilder builder, FleetWorker worker)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(worker);
        var services = builder.Services;
        services.AddTaskPublisher(worker.Fleet, worker.Name);
        services.AddSingleton(worker);
        services.AddSingleton<ReferencePolicy>();

        services.AddOptions<TaskManagerOptions>()
            .Configure(o =>
            {
                o.Worker = worker.Name;
                o.VisibilityTimeout = worker.VisibilityTimeout;
                o.MaxInFlight = worker.MaxInFlight;
                o.MaxReceiveCount = worker.MaxReceiveCount;
            })
            .BindConfiguration(TaskManagerOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TaskManagerOptions>, TaskManagerOptionsValidator>();
        services.AddSingleton<IValidateOptions<TaskManagerOptions>, TaskManagerOptionsRules>();
        services.AddSingleton<IValidateOptions<TaskManagerOptions>, RegistrationRules>();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>();

        // A graceful stop needs the drain plus the forced-stop grace; the host must wait that long for it.
        services.AddOptions<HostOptions>().Configure<IOptions<TaskManagerOptions>>((host, taskManager) =>
        {
            try
            {
                host.ShutdownTimeout = taskManager.Value.DrainTimeout + taskManager.Value.ForcedStopGrace + TimeSpan.FromSeconds(3);
            }
            catch (OptionsValidationException)
            {
                // Invalid options are reported by the start-up validation, together with every other error.
            }
        });

        services.TryAddScoped<ITaskSteps, NoDatabaseSteps>();
        services.AddSingleton<TaskRegistry>();
        services.AddSingleton<TaskStore>();
        services.AddSingleton<TaskRecordWriter>();
        services.AddSingleton<TaskManagerMetrics>();
        services.AddSingleton<PollLoopHealth>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDependencyProbe, PostgreSqlProbe>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDependencyProbe, S3Probe>());
        services.AddHealthChecks().AddCheck<PollLoopHealthCheck>("poll-loop");

        // Registered before the consumer so it stops after it and writes the consumer's last measurements.
        services.AddHostedService<EmfMetricsWriter>();
        services.AddHostedService<TaskConsumer>();
        return new TaskManagerBuilder(services, worker);
    }

    /// <summary>
    /// Adds <see cref="ITaskPublisher"/> (and the AWS clients, the database and the queue directory it needs) for
    /// a process that sends tasks without consuming any: the CLI, another service.
    /// </summary>
    public static IServiceCollection AddTaskPublisher(this IServiceCollection services, FleetDeclaration fleet, string applicationName)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(fleet);
        services.AddWorkersAws();
        services.AddWorkersDatabase(applicationName);
        services.AddOptions<FleetOptions>().BindConfiguration(FleetOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FleetOptions>, FleetOptionsValidator>());
        services.AddOptions<ClaimCheckOptions>().BindConfiguration(ClaimCheckOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClaimCheckOptions>, ClaimCheckOptionsValidator>());
        services.TryAddSingleton<BucketLocator>();
        services.TryAddSingleton<QueueDirectory>();
        services.TryAddSingleton<ClaimCheckStore>();
        services.TryAddSingleton<ITaskPublisher, TaskPublisher>();
        return services;
    }
}
