namespace Workers.TaskManager.Tests.Infrastructure;

internal sealed class ScriptedHandler(Script script, IServiceProvider services) : ITaskHandler<Echo>
{
    public Task HandleAsync(TaskContext<Echo> task, CancellationToken cancellationToken) => script.RunAsync(task, services, cancellationToken);
}
