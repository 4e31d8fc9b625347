using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workers.Fleet;
using Workers.TaskManager.Dispatch;
using Workers.TaskManager.Persistence;

namespace Workers.TaskManager;

/// <summary>Names a worker's task handlers and its database; returned by <c>AddTaskManager</c>.</summary>
public sealed class TaskManagerBuilder
{
    private readonly HashSet<string> _taskTypes = new(StringComparer.Ordinal);

    internal TaskManagerBuilder(IServiceCollection services, FleetWorker worker)
    {
        Services = services;
        Worker = worker;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The worker as the fleet declares it.</summary>
    public FleetWorker Worker { get; }

    /// <summary>
    /// Registers <typeparamref name="THandler"/> for the wire name <paramref name="taskType"/>, which the fleet
    /// declaration must list for this worker. The handler is resolved from a new DI scope for every message.
    /// </summary>
    public TaskManagerBuilder AddTask<TBody, THandler>(string taskType)
        where TBody : class
        where THandler : class, ITaskHandler<TBody>
    {
        if (!Worker.TaskTypes.ContainsKey(taskType))
        {
            throw new InvalidOperationException(
                $"Task type '{taskType}' is not declared for worker '{Worker.Name}' in shared/fleet.json (declared: {string.Join(", ", Worker.TaskTypes.Keys)}).");
        }

        if (!_taskTypes.Add(taskType))
        {
            throw new InvalidOperationException($"Task type '{taskType}' is registered twice.");
        }

        Services.AddScoped<THandler>();
        Services.AddSingleton<ITaskInvoker>(new TaskInvoker<TBody, THandler>(taskType));
        return this;
    }

    /// <summary>
    /// Uses <typeparamref name="TContext"/> (the worker's tables, in <paramref name="schema"/>) for handlers and
    /// for the chunk and transaction steps of <see cref="TaskContext{TBody}"/>: a step's ledger row commits in
    /// the same transaction as the effects the handler made through this context. Also runs the worker's outbox
    /// dispatcher, which publishes the follow-ups those steps enqueue (<see cref="TaskContext{TBody}.Enqueue"/>),
    /// and the fleet scheduler for the schedules of <c>shared/fleet.json</c> that target this worker.
    /// </summary>
    public TaskManagerBuilder UseDatabase<TContext>(string schema)
        where TContext : DbContext
    {
        Services.AddWorkerDbContext<TContext>(schema);
        Services.Replace(ServiceDescriptor.Scoped<ITaskSteps, StepRunner<TContext>>());
        Services.AddTaskOutbox();
        Services.AddFleetScheduler();
        return this;
    }
}
