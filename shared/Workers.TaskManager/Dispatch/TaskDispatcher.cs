using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;
using Workers.Fleet;
using Workers.TaskManager.Envelope;

namespace Workers.TaskManager.Dispatch;

// Runs a task's handler: finds it by task type, loads a claim-checked body, and invokes it in its own DI scope
// under the task type's timeout. Throws what the handler threw; a timeout becomes a TimeoutException.
internal sealed class TaskDispatcher(
    string worker,
    TaskRegistry registry,
    FrozenDictionary<string, FleetTaskType> settings,
    IServiceScopeFactory scopes,
    ClaimCheckStore claimChecks,
    long maxBodyBytes,
    TimeProvider time)
{
    // Throws PermanentTaskException for a task type this worker does not handle.
    public void CheckHandled(string taskType) => _ = Find(taskType);

    public async Task InvokeAsync(ParsedEnvelope envelope, TaskInfo info, CancellationToken shutdown)
    {
        var invoker = Find(info.TaskType);
        var taskSettings = settings[info.TaskType];
        using var loaded = envelope.BodyReference is { } reference
            ? await claimChecks.GetAsync(reference, maxBodyBytes, shutdown)
            : null;
        var body = loaded?.RootElement ?? envelope.Body!.Value;

        using var timeout = new CancellationTokenSource(taskSettings.Timeout, time);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, shutdown);
        try
        {
            await using var services = scopes.CreateAsyncScope();
            await invoker.InvokeAsync(new TaskInvocation(services.ServiceProvider, info, taskSettings, body), cancellation.Token);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !shutdown.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The {info.TaskType} handler ran past its timeout of {taskSettings.Timeout} and was cancelled.", ex);
        }
    }

    private ITaskInvoker Find(string taskType) =>
        registry.TryGet(taskType, out var invoker)
            ? invoker
            : throw new PermanentTaskException(
                $"No handler for task type '{taskType}' in worker '{worker}' (it handles: {string.Join(", ", registry.TaskTypes)}).",
                FailureKind.UnknownTaskType);
}
