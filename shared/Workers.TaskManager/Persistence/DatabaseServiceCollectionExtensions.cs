using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Workers.TaskManager.Consuming;
using Workers.TaskManager.Options;
using Workers.TaskManager.Outbox;
using Workers.TaskManager.Scheduling;

namespace Workers.TaskManager.Persistence;

/// <summary>Registers the fleet database: one pooled <see cref="NpgsqlDataSource"/> and the TaskManager's tables.</summary>
public static class DatabaseServiceCollectionExtensions
{
    /// <summary>The name of the EF migrations history table, kept in each DbContext's own schema.</summary>
    public const string MigrationsHistoryTable = "__ef_migrations";

    /// <summary>
    /// Adds the data source (from <c>ConnectionStrings:Workers</c> or the Copilot database secret), the
    /// <see cref="TaskStoreDbContext"/>, and <see cref="TaskProgressReader"/>. <paramref name="applicationName"/>
    /// names the connections in <c>pg_stat_activity</c>.
    /// </summary>
    public static IServiceCollection AddWorkersDatabase(this IServiceCollection services, string applicationName)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseConfiguredRule>());
        services.TryAddSingleton(sp =>
        {
            var connectionString = DatabaseConnection.Resolve(
                sp.GetRequiredService<IConfiguration>(),
                sp.GetRequiredService<IOptions<DatabaseOptions>>().Value,
                applicationName,
                out var problem) ?? throw new OptionsValidationException(nameof(DatabaseOptions), typeof(DatabaseOptions), [problem!]);
            return NpgsqlDataSource.Create(connectionString);
        });
        services.AddWorkerDbContext<TaskStoreDbContext>(TaskStoreDbContext.Schema);
        services.TryAddScoped<TaskProgressReader>();
        services.TryAddScoped<ScheduleReader>();
        services.TryAddSingleton<TaskWatcher>();
        return services;
    }

    /// <summary>
    /// Adds a DbContext on the shared data source, with its migrations history in <paramref name="schema"/>, and
    /// lists it for the <c>migrate</c> command.
    /// </summary>
    public static IServiceCollection AddWorkerDbContext<TContext>(this IServiceCollection services, string schema)
        where TContext : DbContext
    {
        if (services.Any(d => d.ServiceType == typeof(TContext)))
        {
            return services;
        }

        services.AddDbContext<TContext>((sp, options) => options.UseNpgsql(
            sp.GetRequiredService<NpgsqlDataSource>(),
            npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, schema)));
        services.AddSingleton(new DatabaseMigration(typeof(TContext).Name, sp => sp.GetRequiredService<TContext>()));
        return services;
    }

    // The outbox dispatcher of a worker host with a database (UseDatabase): every such host publishes its worker's
    // outbox. Placed before the consumer's hosted service because hosted services stop in reverse order: the
    // dispatcher then stops after the consumer has drained, and publishes what the last chunks enqueued.
    internal static IServiceCollection AddTaskOutbox(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(OutboxPublisher)))
        {
            return services;
        }

        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsRules>());
        services.AddSingleton<OutboxPublisher>();
        var dispatcher = ServiceDescriptor.Singleton<IHostedService, OutboxDispatcher>();
        var consumer = services.ToList().FindIndex(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(TaskConsumer));
        if (consumer >= 0)
        {
            services.Insert(consumer, dispatcher);
        }
        else
        {
            services.Add(dispatcher);
        }

        return services;
    }

    // The fleet scheduler of a worker host with a database: it runs the schedules of shared/fleet.json that target
    // this worker (none: it returns at once), writing each occurrence to the outbox the dispatcher publishes.
    internal static IServiceCollection AddFleetScheduler(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SchedulerRound)))
        {
            return services;
        }

        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsRules>());
        services.AddSingleton<SchedulerRound>();
        services.AddHostedService<FleetScheduler>();
        return services;
    }
}
