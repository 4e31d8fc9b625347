using Microsoft.Extensions.DependencyInjection;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.References;

namespace Workers.TaskManager.Dispatch;

internal sealed class TaskInvoker<TBody, THandler>(string taskType) : ITaskInvoker
    where TBody : class
    where THandler : class, ITaskHandler<TBody>
{
    public string TaskType => taskType;

    public Task InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var body = TaskBodies.Read<TBody>(invocation.Body, taskType, invocation.Services.GetRequiredService<ReferencePolicy>());
        var handler = invocation.Services.GetRequiredService<THandler>();
        var steps = invocation.Services.GetRequiredService<ITaskSteps>();
        return handler.HandleAsync(new TaskContext<TBody>(body, invocation.Info, invocation.Settings, steps), cancellationToken);
    }
}
